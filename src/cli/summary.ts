import type { Command } from 'commander';
import type { CliIO } from './io';

// Placeholder until the summary command lands (its own issue); replaced whole by it.
export function registerSummary(program: Command, io: CliIO): void {
  program
    .command('summary')
    .allowUnknownOption()
    .allowExcessArguments()
    .description('（开发中 / in progress）')
    .action(() => {
      io.err('custody summary：开发中 (not yet available)');
      io.exitCode = 2;
    });
}
