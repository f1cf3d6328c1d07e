import type { Command } from 'commander';
import type { CliIO } from './io';

// Placeholder until the validate command lands (its own issue); replaced whole by it.
export function registerValidate(program: Command, io: CliIO): void {
  program
    .command('validate')
    .allowUnknownOption()
    .allowExcessArguments()
    .description('（开发中 / in progress）')
    .action(() => {
      io.err('custody validate：开发中 (not yet available)');
      io.exitCode = 2;
    });
}
