/**
 * `custody`: the command-line face of 试卷保密助手. Each command lives in its own
 * module and registers itself here; help, argument errors and the version
 * speak Chinese (English with --lang en), see manners.ts.
 */
import { Command, CommanderError } from 'commander';
import { installCleanup } from '../batch/cleanup';
import { CliIO, describeError, processIO } from './io';
import { HELP_AFTER, argumentError, helpConfiguration, helpHint, langOf, packageVersion } from './manners';
import { registerTemplate } from './template';
import { registerFill } from './fill';
import { registerExtract } from './extract';
import { registerValidate } from './validate';
import { registerSummary } from './summary';
import { registerDemo } from './demo';

export function buildProgram(io: CliIO): Command {
  const program = new Command('custody')
    .description('试卷保密助手：纸质试卷保管表单的模板、填写、校验与汇总 (exam-paper custody forms)')
    .version(packageVersion(), '-V, --version', '显示版本号 (version)')
    .helpOption('-h, --help', '显示帮助 (help)')
    .helpCommand('help [命令]', '显示某个命令的帮助 (help for a command)')
    .exitOverride()
    .allowExcessArguments(false)
    // Commander's own (English) error lines are replaced by ours in main().
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => undefined })
    .configureHelp(helpConfiguration())
    .addHelpText('after', HELP_AFTER.custody);
  registerTemplate(program, io);
  registerFill(program, io);
  registerExtract(program, io);
  registerValidate(program, io);
  registerSummary(program, io);
  registerDemo(program, io);
  for (const command of program.commands) {
    const after = HELP_AFTER[command.name()];
    if (after) command.addHelpText('after', after);
  }
  return program;
}

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const program = buildProgram(io);
  const lang = langOf(argv);
  try {
    // `custody help nosuch`: commander shows the whole help and says nothing of nosuch; said as `custody nosuch` is.
    const [first, asked] = argv.slice(2);
    if (first === 'help' && asked !== undefined && !program.commands.some((c) => c.name() === asked)) {
      throw new CommanderError(1, 'commander.unknownCommand', `error: unknown command '${asked}'`);
    }
    await program.parseAsync([...argv]);
    return io.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; a wrong call is exit 2 (the contract).
      if (error.exitCode === 0) return 0;
      if (error.code !== 'commander.help' && error.code !== 'commander.helpDisplayed') {
        io.err(`${lang === 'zh' ? '错误：' : 'error: '}${argumentError(error, lang)}`);
        io.err(helpHint(argv, lang));
      }
      return 2;
    }
    io.err(`${lang === 'zh' ? '错误：' : 'error: '}${describeError(error, lang)}`);
    return 2;
  }
}

/** The real process (bin/custody.js): temporary files removed and the terminal restored on every exit. */
export async function run(argv: readonly string[]): Promise<number> {
  installCleanup();
  return main(argv);
}
