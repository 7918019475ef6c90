import { inputRule, Severity } from '../private/rule';

/** A stream KinesisToFunction creates is encrypted at rest. */
export const KinesisStreamEncryption = inputRule('KinesisStreamEncryption', Severity.ERROR,
  'A stream KinesisToFunction creates is encrypted at rest (streamProps.encryption MANAGED or KMS, not UNENCRYPTED).');
