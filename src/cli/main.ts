/**
 * `custody`: the command-line face of 试卷保密助手. Each command lives in its own
 * module and registers itself here.
 */
import { Command, CommanderError } from 'commander';
import { CliIO, oneLine, processIO } from './io';
import { registerTemplate } from './template';
import { registerFill } from './fill';
import { registerExtract } from './extract';
import { registerValidate } from './validate';
import { registerSummary } from './summary';
import { registerDemo } from './demo';

export function buildProgram(io: CliIO): Command {
  const program = new Command('custody')
    .description('试卷保密助手：纸质试卷保管表单的模板、填写、校验与汇总 (exam-paper custody forms)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('（用 custody --help 查看用法）');
  registerTemplate(program, io);
  registerFill(program, io);
  registerExtract(program, io);
  registerValidate(program, io);
  registerSummary(program, io);
  registerDemo(program, io);
  return program;
}

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv]);
    return io.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; a wrong call with 1, which the contract makes 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    io.err(`错误：${oneLine(error)}`);
    return 2;
  }
}
