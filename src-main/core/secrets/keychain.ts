import { StudioError } from '../../contract/errors';
import { checkSessionBus } from './sessionBus';

/** Every password PGM Studio keeps lives under this keychain service; the account is the profile id. */
const keychainService = 'pgm-studio';

const keychainUnavailableHint =
  'Start your desktop keyring (gnome-keyring / KWallet) or choose "this session only" to keep the password in memory until the app quits';

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface Keychain {
  get(account: string): Promise<string | null>;
  set(account: string, password: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** True when the keychain answers within a short time; never throws. */
  isAvailable(): Promise<boolean>;
}

export interface KeychainOptions {
  /** How long a keychain call may take before it counts as unavailable (keytar can hang on a dead D-Bus). */
  timeoutMs?: number;
  probeTimeoutMs?: number;
  /** Loads keytar; tests inject a failing one. keytar is an optional dependency: its native build may be missing. */
  loadModule?: () => Promise<unknown>;
}

// Loaded on first use, so a machine without libsecret (or D-Bus) starts fine and only the
// keychain features report the problem. A failure is remembered for a few seconds so that
// repeated list() calls do not each wait for the bus check again.
const retryLoadAfterMs = 10_000;
let keytarModule: Promise<Keytar> | undefined;
const importKeytar = () => import('keytar');
function loadKeytar(loadModule: () => Promise<unknown> = importKeytar): Promise<Keytar> {
  const shared = loadModule === importKeytar;
  if (shared && keytarModule) return keytarModule;
  const loading = (async () => {
    if ((await checkSessionBus()) === 'silent') throw new Error('the D-Bus session bus does not answer');
    try {
      const mod = (await loadModule()) as Keytar & { default?: Keytar };
      return mod.default ?? mod;
    } catch (error) {
      throw new Error(`keytar could not be loaded (${firstLine(error)})`);
    }
  })();
  if (!shared) return loading;
  keytarModule = loading;
  loading.catch(() => {
    setTimeout(() => {
      if (keytarModule === loading) keytarModule = undefined;
    }, retryLoadAfterMs).unref();
  });
  return loading;
}

function unavailable(reason: string): StudioError {
  return new StudioError('keychain-unavailable', `The OS keychain is not available: ${reason}.`, { hint: keychainUnavailableHint });
}

// A keytar call that timed out still occupies a libuv worker thread until D-Bus answers (maybe
// never). Further calls would pile up and starve the thread pool (fs, dns), so while one is stuck
// every call fails at once. The stuck call also keeps a short-lived process (the CLI) from exiting
// by itself until it returns.
let stuckCall: Promise<unknown> | undefined;

/** Run one keytar call with a deadline; any failure means "no usable keychain". */
async function callKeytar<T>(call: (keytar: Keytar) => Promise<T>, ms: number, what: string, loadModule?: () => Promise<unknown>): Promise<T> {
  if (stuckCall) throw unavailable('an earlier keychain request is still waiting for an answer from D-Bus');
  let keytar: Keytar;
  try {
    keytar = await loadKeytar(loadModule);
  } catch (error) {
    throw unavailable(firstLine(error));
  }
  const work = call(keytar);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stuckCall = work;
      const release = () => {
        if (stuckCall === work) stuckCall = undefined;
      };
      work.then(release, release);
      reject(unavailable(`it did not answer within ${Math.round(ms / 1000)} s while ${what}`));
    }, ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    if (error instanceof StudioError) throw error;
    // keytar's messages come from libsecret / D-Bus ("Cannot autolaunch D-Bus without X11 $DISPLAY"); they never carry the secret.
    throw unavailable(firstLine(error));
  } finally {
    clearTimeout(timer);
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 300) || 'unknown error';
}

/** The OS keychain through keytar, with timeouts, failing as 'keychain-unavailable' (never a plain-text fallback). */
export function openKeychain(options: KeychainOptions = {}): Keychain {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const probeTimeoutMs = options.probeTimeoutMs ?? 3_000;
  const { loadModule } = options;
  return {
    get: (account) => callKeytar((k) => k.getPassword(keychainService, account), timeoutMs, 'reading a password', loadModule),
    set: (account, password) => callKeytar((k) => k.setPassword(keychainService, account, password), timeoutMs, 'saving a password', loadModule),
    delete: (account) => callKeytar((k) => k.deletePassword(keychainService, account), timeoutMs, 'deleting a password', loadModule),
    async isAvailable() {
      try {
        await callKeytar((k) => k.getPassword(keychainService, '__pgm-studio-availability-probe__'), probeTimeoutMs, 'checking availability', loadModule);
        return true;
      } catch {
        return false;
      }
    },
  };
}
