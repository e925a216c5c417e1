/**
 * The command-line grammar: commands, arguments and flags, declared with
 * commander. Each action hands its parsed arguments to a command function
 * and records the exit code it returns.
 */
import { Command, Option } from 'commander';
import { build, type BuildOptions, type Emit } from './commands/build.js';
import { check, formats, type Format } from './commands/check.js';
import { diff, diffFormats, type DiffFormat } from './commands/diff.js';
import { doc, docFormats, type DocOptions } from './commands/doc.js';
import type { LspOptions } from './commands/lsp.js';
import { fmt, type FmtOptions } from './commands/fmt.js';
import { faults, type FaultsOptions } from './commands/faults.js';
import { simulateCommand, simulateFormats, type SimulateOptions } from './commands/simulate.js';
import { nearest } from '../common/edit-distance.js';
import { exitCodes, fail, type CliContext, type ExitCode } from './context.js';
import { progressModes } from './progress.js';

export function createProgram(ctx: CliContext, emit: Emit, setExitCode: (code: ExitCode) => void): Command {
  const program = new Command('mpol')
    .description('Check, compile, compare, document and simulate migration policies (.mpol files).')
    .version(ctx.version, '-V, --version', 'print the version of mpol')
    .helpOption('-h, --help', 'show help')
    .helpCommand(false)
    .showSuggestionAfterError(true)
    // Commander must not exit the process itself: errors become exceptions
    // that main turns into exit code 2, after all output is flushed.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.out(text),
      writeErr: (text) => ctx.err(text),
      outputError: (text, write) => write(`mpol: ${text}`),
    });

  program
    .command('check')
    .description('Check policy files and print their diagnostics.')
    .argument('<paths...>', '.mpol files, or folders to search for them')
    .addOption(new Option('--format <format>', 'output format').choices(formats).default('text'))
    .option('--fix', 'apply the fix of each diagnostic that has one (did-you-mean, missing import or declaration), then report what is left')
    .addHelpText('after', exitCodeHelp)
    .action((paths: string[], options: { format: Format; fix?: boolean }) => setExitCode(check(paths, options, ctx)));

  program
    .command('fmt')
    .description('Format policy files in place, in the one canonical layout (docs/formatting.md).')
    .argument('[paths...]', '.mpol files, or folders to search for them')
    .option('--check', 'list the files that are not formatted, and change nothing (exit 1 if any)')
    .option('--stdin', 'format standard input and print it')
    .option('--stdin-filepath <path>', 'with --stdin: the file standard input stands for (messages, Prettier options)')
    .addHelpText('after', exitCodeHelp)
    .action(async (paths: string[], options: FmtOptions) => setExitCode(await fmt(paths, options, ctx)));

  program
    .command('build')
    .description('Check policy files, then write one TypeScript module per policy.')
    .argument('<paths...>', '.mpol files, or folders to search for them')
    .requiredOption('--out <dir>', 'folder to write the modules to (required)')
    .option('--root <dir>', 'folder whose layout the modules mirror under --out (default: the deepest folder holding every policy)')
    .addHelpText('after', exitCodeHelp)
    .action((paths: string[], options: BuildOptions) => setExitCode(build(paths, options, ctx, emit)));

  program
    .command('diff')
    .description('Compare two versions of a policy, section by section.')
    .argument('<old>', 'the older version: its root .mpol file, or a folder holding one policy')
    .argument('<new>', 'the newer version, likewise')
    .addOption(new Option('--format <format>', 'output format').choices(diffFormats).default('text'))
    .addHelpText('after', exitCodeHelp)
    .action((before: string, after: string, options: { format: DiffFormat }) => setExitCode(diff(before, after, options, ctx)));

  program
    .command('doc')
    .description("Write a policy's readable document: every rule in plain words, flow diagrams per cohort and group, retry timelines.")
    .argument('<policy>', 'the policy: its root .mpol file, or a folder holding one policy')
    .addOption(new Option('--format <format>', 'output format (default: markdown, or html for an --out file ending in .html)').choices(docFormats))
    .option('--out <file or folder>', 'write the document there instead of to standard output; a folder gets <policy>.md or .html')
    .addHelpText('after', exitCodeHelp)
    .action((policy: string, options: DocOptions) => setExitCode(doc(policy, options, ctx)));

  program
    .command('faults')
    .description('Write a fault model for a policy with every step, check, arrival, incident, undo, population and installation field, all neutral: a template to fill in.')
    .argument('<policy>', 'the policy: its root .mpol file, or a folder holding one policy')
    .option('--out <file>', 'write it there instead of to standard output')
    .option('--force', 'replace the --out file if it exists')
    .addHelpText('after', exitCodeHelp)
    .action((policy: string, options: FaultsOptions) => setExitCode(faults(policy, options, ctx)));

  program
    .command('simulate')
    .description('Simulate many installations of a policy against a fault model, on virtual time.')
    .argument('<policy>', "the policy: its root .mpol file, or a folder holding one policy")
    .option('--cohort <COHORT=N>', 'installations in a cohort or COHORT/GROUP (repeatable); replaces the fault model\'s mix', collect)
    .option('--faults <file.json>', 'the fault model (docs/fault-model.md); default: faults.json beside the policy')
    .option('--seed <n>', 'the random seed (default: 0, as in the API): the same seed gives the same output')
    .addOption(new Option('--format <format>', 'output format: the summary, the whole result, or one self-contained page with charts (default: text, or what an --out file ends in)').choices(simulateFormats))
    .option('--out <file>', 'write the output there, and print the summary and where the file is')
    .option('--json', 'the same as --format json')
    .option('--force', 'run more than 100,000,000 installations, which is refused otherwise with an estimate of the time it would take')
    .option('--campaign', "play the fault model's campaign: the estate day by day within the capacity, with resubmissions and exclusion (docs/campaign.md)")
    .option('--compare <policy|faults.json>', 'play the same campaign under another policy (with its own faults.json, else this fault model) or another fault model, side by side')
    .option('--threads <n>', 'threads a campaign runs on; the result is the same for any number (default: one per 500,000 installations, at most the cores available)')
    .addOption(new Option('--progress <how>', 'progress of a long run: a bar on a terminal (auto), JSON lines {"done":N,"total":M} on standard error for programs (json), or none').choices(progressModes).default('auto'))
    .addHelpText('after', exitCodeHelp)
    .action(async (policy: string, options: SimulateOptions) => setExitCode(await simulateCommand(policy, options, ctx)));

  program
    .command('lsp')
    .description('Run the language server, for editors.')
    .option('--stdio', 'speak the Language Server Protocol over standard input and output')
    .option('--node-ipc', "speak it over Node's IPC channel (when an editor forks the server)")
    // Editors pass it; the protocol library reads it from the arguments itself.
    .addOption(new Option('--clientProcessId <pid>', 'exit when this process (the editor) ends').hideHelp())
    // Loaded only when asked for: the server's protocol library costs every other command start-up time.
    .action(async (options: LspOptions) => setExitCode((await import('./commands/lsp.js')).lspCommand(options, ctx)));

  program
    .command('help')
    .description('Show this help, or the help of a command.')
    .argument('[command]', 'the command whose help to show')
    .action((name: string | undefined) => setExitCode(showHelp(program, name, ctx)));

  program.addHelpText('after', `\nRun 'mpol help <command>' or 'mpol <command> --help' for the flags of a command.\n${exitCodeHelp}`);
  markRequiredOptions(program);
  return program;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

const exitCodeHelp = `
Exit codes:
  0   no errors (warnings allowed)
  1   the policies have errors
  2   usage error, or an input file could not be read
  70  internal error (a bug in mpol)`;

/** `mpol help [command]`: the help on standard output, or an unknown command named with the nearest one. */
function showHelp(program: Command, name: string | undefined, ctx: CliContext): ExitCode {
  if (name === undefined) {
    program.outputHelp();
    return exitCodes.ok;
  }
  const command = program.commands.find((candidate) => candidate.name() === name);
  if (command !== undefined) {
    command.outputHelp();
    return exitCodes.ok;
  }
  const near = nearest(name, program.commands.map((candidate) => candidate.name()), 2);
  return fail(ctx, `unknown command '${name}'${near === undefined ? '' : ` (did you mean ${near}?)`}; run 'mpol help' for the list`);
}

/** Puts each command's required options in its usage line (`mpol build --out <dir> [options] <paths...>`), where a reader looks first. */
function markRequiredOptions(program: Command): void {
  for (const command of program.commands) {
    const required = command.options.filter((option) => option.mandatory).map((option) => option.flags);
    if (required.length > 0) command.usage(`${required.join(' ')} ${command.usage()}`);
  }
}
