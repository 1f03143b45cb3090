/** The command line is wrong; the CLI prints the usage and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An ops command could not do its work (a stack, an output, a resource is not as expected); exit code 1. */
export class OpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpsError';
  }
}

/** The queues could not be found or a redrive step failed; the CLI exits with 1. */
export class RedriveError extends OpsError {
  constructor(message: string) {
    super(message);
    this.name = 'RedriveError';
  }
}
