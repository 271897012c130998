// `node --import ./register.mjs out/main/main.js`: the built main process, with `import ... from 'electron'`
// answered by the stand-in next to this file instead of the real module (which only works inside Electron).
import { register } from 'node:module';

const standIn = new URL('./mainProcess.mjs', import.meta.url).href;
const hook = `export async function resolve(specifier, context, next) {
  return specifier === 'electron' ? { url: ${JSON.stringify(standIn)}, shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
