import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The only reader of the environment. Every setting is validated here once; a missing or malformed one
 * stops start-up with a single line naming it (see `ConfigError`). Secrets may come from `<NAME>_FILE`
 * (the Docker secrets convention). Defaults that are unsafe in production exist only outside it.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const DEV_ACCESS_KEY = 'dev-only-access-token-key-change-me-0123456789';
const DEV_REFRESH_KEY = 'dev-only-refresh-token-key-change-me-9876543210';
const DEFAULT_SQLITE_FILE = fileURLToPath(new URL('../data/musicapp.sqlite', import.meta.url));

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).optional(), // default: 0.0.0.0 in production (containers), else loopback
  PORT: int(0, 65_535).default(5000), // 0: any free port (tests), logged once listening
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_HOST: z.string().min(1).optional(),
  DB_PORT: int(1, 65_535).default(3306),
  DB_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_$]+$/, 'must be a plain database name')
    .default('musicapp'),
  DB_USER: z.string().min(1).default('root'),
  DB_PASSWORD: z.string().default(''),
  DB_POOL_MAX: int(1, 500).default(5),
  SQLITE_FILE: z.string().min(1).default(DEFAULT_SQLITE_FILE),
  ACCESS_TOKEN_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  REFRESH_TOKEN_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  // During a key rotation, the other key: tokens signed with it are still (or already) accepted, and
  // nothing is signed with it. The same value as the key itself means no rotation (the stack's default).
  ACCESS_TOKEN_ROTATION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  REFRESH_TOKEN_ROTATION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_AGE: int(10, 86_400).default(1800),
  REFRESH_TOKEN_AGE: int(60, 31_536_000).default(2_592_000),
  BCRYPT_COST: int(10, 15).default(10),
  ADMIN_USERNAME: z.string().min(3).max(50).optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(72).optional(),
  ADMIN_FULLNAME: z.string().min(1).max(200).default('Administrator'),
  CATALOG_WRITES: z.enum(['admin', 'public']).default('admin'),
  CATALOG_CACHE_MS: int(0, 60_000).default(1000),
  TRUST_PROXY: z.string().min(1).default('loopback, linklocal, uniquelocal'),
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: int(1, 86_400).default(900),
  LOGIN_RATE_LIMIT_PER_CLIENT: int(1, 1_000_000).default(100),
  LOGIN_RATE_LIMIT_PER_USERNAME: int(1, 1_000_000).default(10),
  REGISTRATION_RATE_LIMIT_PER_CLIENT: int(1, 1_000_000).default(20),
  SHUTDOWN_TIMEOUT_SECONDS: int(1, 600).default(20),
});

const SECRET_NAMES = [
  'DB_PASSWORD',
  'ACCESS_TOKEN_KEY',
  'REFRESH_TOKEN_KEY',
  'ACCESS_TOKEN_ROTATION_KEY',
  'REFRESH_TOKEN_ROTATION_KEY',
  'ADMIN_PASSWORD',
] as const;

function resolveSecretFiles(env: Env): Env {
  const resolved: Env = { ...env };
  for (const name of SECRET_NAMES) {
    const file = env[`${name}_FILE`];
    if (!file) continue;
    if (env[name] !== undefined) throw new ConfigError(`${name} and ${name}_FILE are both set: keep one`);
    try {
      resolved[name] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new ConfigError(`${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`);
    }
    // A secret created from nothing: not "unset" (that would fall back to a default, or to the public
    // development key), and not "required" either, since the variable was given.
    if (resolved[name] === '') throw new ConfigError(`${name}_FILE: ${file} is empty`);
  }
  // An empty variable means "not set" (compose files often pass VAR= through).
  for (const [key, value] of Object.entries(resolved)) if (value === '') delete resolved[key];
  return resolved;
}

function buildConfig(env: Env) {
  const parsed = envSchema.safeParse(resolveSecretFiles(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    // A secret that came from its file is named by the file: the variable itself was never set.
    const file = env[name] === undefined ? env[`${name}_FILE`] : undefined;
    throw new ConfigError(
      file ? `${name}_FILE: the content of ${file} ${issue?.message}` : `${name} ${issue?.message}`,
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const host = e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1');
  // The development keys are public (they are in this repository): a token signed with them is only
  // harmless on a laptop, with the embedded database, listening on loopback. Anywhere else: real keys.
  const laptop = !e.DB_HOST && ['127.0.0.1', '::1', 'localhost'].includes(host);
  const required = (name: 'ACCESS_TOKEN_KEY' | 'REFRESH_TOKEN_KEY', devDefault: string) => {
    const value = e[name];
    if (value) return value;
    if (production) throw new ConfigError(`${name} is required in production (set ${name} or ${name}_FILE)`);
    if (!laptop) {
      throw new ConfigError(
        `${name} is required with ${e.DB_HOST ? 'DB_HOST' : `HOST=${host}`}: the development key is public (set ${name} or ${name}_FILE)`,
      );
    }
    return devDefault;
  };
  const accessTokenKey = required('ACCESS_TOKEN_KEY', DEV_ACCESS_KEY);
  const refreshTokenKey = required('REFRESH_TOKEN_KEY', DEV_REFRESH_KEY);
  if (accessTokenKey === refreshTokenKey) {
    throw new ConfigError('REFRESH_TOKEN_KEY must differ from ACCESS_TOKEN_KEY');
  }
  if (Boolean(e.ADMIN_USERNAME) !== Boolean(e.ADMIN_PASSWORD)) {
    throw new ConfigError(
      e.ADMIN_USERNAME
        ? 'ADMIN_PASSWORD is required when ADMIN_USERNAME is set (or ADMIN_PASSWORD_FILE)'
        : 'ADMIN_USERNAME is required when ADMIN_PASSWORD is set',
    );
  }
  if (production && !e.DB_HOST) {
    throw new ConfigError(
      'DB_HOST is required in production (the embedded SQLite database is for development)',
    );
  }

  return {
    env: e.NODE_ENV,
    host,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    db: e.DB_HOST
      ? ({
          client: 'mysql',
          host: e.DB_HOST,
          port: e.DB_PORT,
          database: e.DB_NAME,
          user: e.DB_USER,
          password: e.DB_PASSWORD,
          poolMax: e.DB_POOL_MAX,
        } as const)
      : ({ client: 'sqlite', file: e.SQLITE_FILE } as const),
    tokens: {
      accessTokenKey,
      refreshTokenKey,
      accessTokenRotationKey: e.ACCESS_TOKEN_ROTATION_KEY,
      refreshTokenRotationKey: e.REFRESH_TOKEN_ROTATION_KEY,
      accessTokenAgeSeconds: e.ACCESS_TOKEN_AGE,
      refreshTokenAgeSeconds: e.REFRESH_TOKEN_AGE,
    },
    bcryptCost: e.BCRYPT_COST,
    admin:
      e.ADMIN_USERNAME && e.ADMIN_PASSWORD
        ? { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD, fullname: e.ADMIN_FULLNAME }
        : null,
    catalogWrites: e.CATALOG_WRITES,
    catalogCacheMs: e.CATALOG_CACHE_MS,
    trustProxy: e.TRUST_PROXY,
    loginRateLimit: {
      windowMs: e.LOGIN_RATE_LIMIT_WINDOW_SECONDS * 1000,
      perClient: e.LOGIN_RATE_LIMIT_PER_CLIENT,
      perUsername: e.LOGIN_RATE_LIMIT_PER_USERNAME,
    },
    registrationsPerClientPerHour: e.REGISTRATION_RATE_LIMIT_PER_CLIENT,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
  };
}

type DeepReadonly<T> = { readonly [K in keyof T]: T[K] extends object ? DeepReadonly<T[K]> : T[K] };
export type Config = DeepReadonly<ReturnType<typeof buildConfig>>;
export type DbConfig = Config['db'];

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (child && typeof child === 'object') deepFreeze(child);
  return Object.freeze(value);
}

/** Reads and validates the settings; throws `ConfigError` with a one-line message naming the setting. */
export function loadConfig(env: Env = process.env): Config {
  return deepFreeze(buildConfig(env));
}

/**
 * Every variable this file reads: the schema's and the `<NAME>_FILE` of each secret. turbo.json's `dev`
 * task must pass each one through (test/dev-environment.test.ts), and `.env.example` describes each.
 */
export const CONFIG_VARIABLES: readonly string[] = [
  ...Object.keys(envSchema.shape),
  ...SECRET_NAMES.map((name) => `${name}_FILE`),
];
