/**
 * The code of the worker that evaluates a migration's text (evaluateMigration.ts). Plain
 * JavaScript in a string, run with `new Worker(source, { eval: true })`: the same text works under
 * tsx, vitest and the bundled app, where a separate worker file would need its own build step.
 *
 * It loads the text with jiti (as node-pg-migrate loads JS and TS) or node-pg-migrate's SQL loader,
 * calls up and down against node-pg-migrate's own MigrationBuilder with a database that refuses every
 * query, and posts back the SQL of each step plus every `pgm.*` call with the line it came from.
 */
export const evaluationWorkerSource = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { modules } = workerData;
// Set by the one job this worker runs (it is started ahead, loads its modules, then waits for it).
let language, content, filename;

class NeedsDatabase extends Error {}

function positionIn(text) {
  if (typeof text !== 'string') return undefined;
  const escaped = filename.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
  const match = new RegExp(escaped + ':(\\d+):(\\d+)').exec(text);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

function sourceError(error) {
  const message = error instanceof Error ? error.message : String(error);
  // jiti's parse errors carry "file:line:column" (column 0-based) in the message; runtime errors in the stack.
  const parsed = /ParseError|SyntaxError/.test(message) ? positionIn(message) : undefined;
  if (parsed) {
    return { message: message.split(filename)[0].replace(/^Error:\s*/, '').replace(/\s+$/, ''), position: { line: parsed.line, column: parsed.column + 1 } };
  }
  const position = positionIn(error instanceof Error ? error.stack : undefined);
  return position ? { message, position } : { message };
}

function callerLine() {
  const position = positionIn(new Error().stack);
  return position ? position.line : null;
}

function plain(value, depth) {
  if (depth > 6) return null;
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'function') return '[function]';
  if (typeof value === 'object' && typeof value.toString === 'function' && value.constructor && value.constructor.name === 'PgLiteral') return { literal: value.toString() };
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  if (typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) out[key] = plain(value[key], depth + 1);
    return out;
  }
  return null;
}

const notOperations = new Set(['func', 'db', 'getSql', 'getSqlSteps', 'enableReverseMode', 'isUsingTransaction']);

function recordingBuilder(MigrationBuilder, shorthands, calls) {
  const refuse = () => Promise.reject(new NeedsDatabase('It queries the database (pgm.db.query / pgm.db.select), so its SQL depends on the data and is only known when it runs.'));
  const builder = new MigrationBuilder({ query: refuse, select: refuse }, shorthands, false, { debug() {}, info() {}, warn() {}, error() {} });
  const proxy = new Proxy(builder, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || typeof value !== 'function' || notOperations.has(property)) return value;
      return (...args) => {
        calls.push({ op: property, args: plain(args, 0), line: callerLine() });
        return value.apply(target, args);
      };
    },
  });
  return { builder, proxy };
}

async function step(MigrationBuilder, shorthands, action, reverse) {
  const calls = [];
  const { builder, proxy } = recordingBuilder(MigrationBuilder, shorthands, calls);
  if (reverse) builder.enableReverseMode();
  try {
    if (action.length === 2) await new Promise((resolve) => action(proxy, resolve));
    else await action(proxy);
  } catch (error) {
    const failure = sourceError(error);
    if (reverse && /Impossible to automatically infer/.test(failure.message)) {
      const last = calls.length ? calls[calls.length - 1] : null;
      // node-pg-migrate names the operation from a wrapped function, which has no name ("pgm.()").
      const message = last ? failure.message.replace('pgm.()', 'pgm.' + last.op + '()') : failure.message;
      return { notInferable: message + ': write a down step that reverses it.', calls, line: last ? last.line : null };
    }
    if (error instanceof NeedsDatabase) return { error: { message: error.message, ...(failure.position ? { position: failure.position } : {}) }, calls };
    return { error: failure, calls };
  }
  return { sql: builder.getSqlSteps().slice(), calls, noTransaction: !builder.isUsingTransaction() };
}

const loading = Promise.all([import(modules.nodePgMigrate), import(modules.sqlMigration), import(modules.jiti)]).then((loaded) => {
  // Warm jiti's transpiler while waiting for the job: it loads on first use and is most of the cost.
  try {
    loaded[2].createJiti(modules.nodePgMigratePath, { moduleCache: false, fsCache: false }).evalModule('export const warm: number = 1;', { filename: modules.nodePgMigratePath + '.warm.ts', ext: '.ts', async: false });
  } catch {}
  return loaded;
});
loading.catch(() => undefined);

async function main() {
  const [{ MigrationBuilder }, { getActions }, { createJiti }] = await loading;
  let actions;
  if (language === 'sql') {
    actions = getActions(content);
  } else {    const jiti = createJiti(filename, { moduleCache: false, fsCache: false, interopDefault: true, alias: { 'node-pg-migrate': modules.nodePgMigratePath } });
    let loaded;
    try {
      loaded = jiti.evalModule(content, { filename, ext: '.' + language, async: false });
    } catch (error) {
      return { load: sourceError(error) };
    }
    actions = loaded && (loaded.up !== undefined || loaded.down !== undefined) ? loaded : loaded && loaded.default ? loaded.default : loaded;
  }
  if (!actions || typeof actions.up !== 'function') {
    return { load: { message: 'The migration exports no up function (exports.up = (pgm) => { ... }, or export async function up(pgm)).' } };
  }
  const shorthands = actions.shorthands;
  const up = await step(MigrationBuilder, shorthands, actions.up, false);
  let down;
  if (actions.down === false && language === 'sql') down = { notInferable: 'The file has no "-- Down Migration" section: this migration cannot be rolled back.', calls: [] };
  else if (actions.down === false) down = { notInferable: 'down is disabled (down = false): this migration cannot be rolled back.', calls: [] };
  else if (actions.down === undefined) down = { ...(await step(MigrationBuilder, shorthands, actions.up, true)), inferred: true };
  else if (typeof actions.down === 'function') down = await step(MigrationBuilder, shorthands, actions.down, false);
  else down = { error: { message: 'down is neither a function nor false.' }, calls: [] };
  return { up, down };
}

parentPort.once('message', (job) => {
  ({ language, content, filename } = job);
  main().then(
    (result) => parentPort.postMessage({ ok: true, result }),
    (error) => parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
`;
