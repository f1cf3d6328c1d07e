import type { Command } from 'commander';
import type { CliIO } from './io';

// Placeholder until the demo command lands (its own issue); replaced whole by it.
export function registerDemo(program: Command, io: CliIO): void {
  program
    .command('demo')
    .allowUnknownOption()
    .allowExcessArguments()
    .description('（开发中 / in progress）')
    .action(() => {
      io.err('custody demo：开发中 (not yet available)');
      io.exitCode = 2;
    });
}
