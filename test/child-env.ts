/**
 * The environment for a child process a test starts (mpol, Prettier, npm):
 * the test runner's own, without the variables that change what a command
 * prints (colour, debugging output, CI detection), plus those a test states.
 * A CI service that sets FORCE_COLOR must not change what the tests see.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'MPOL_DEBUG', 'CI']) delete env[name];
  return { ...env, ...extra };
}
