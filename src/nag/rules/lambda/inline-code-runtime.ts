import { NagMessageLevel } from 'cdk-nag';
import { INLINE_CODE_RUNTIME_PATTERN } from '../../../limits';
import { isObject, knownString } from '../../template-index';
import { BlueprintRule, COMPLIANT, FUNCTION, NON_COMPLIANT, NOT_APPLICABLE } from '../rule';

/** Inline code (`Code.ZipFile`) only for Node.js and Python runtimes. */
export const LambdaInlineCodeRuntime: BlueprintRule = {
  name: 'LambdaInlineCodeRuntime',
  info: 'The Lambda function has inline code (Code.ZipFile) for a runtime other than Node.js or Python.',
  explanation: 'CloudFormation writes Code.ZipFile into a single file named index only for Node.js and Python runtimes; any other runtime needs an S3 asset (S3Bucket + S3Key) or a container image.',
  level: NagMessageLevel.ERROR,
  check: (e) => {
    if (e.type !== FUNCTION) return NOT_APPLICABLE;
    const code = e.properties.Code;
    if (!isObject(code) || code.ZipFile === undefined) return NOT_APPLICABLE;
    if (e.properties.Runtime === undefined) return NON_COMPLIANT;
    const runtime = knownString(e.properties.Runtime);
    if (runtime === undefined) return NOT_APPLICABLE;
    return INLINE_CODE_RUNTIME_PATTERN.test(runtime) ? COMPLIANT : NON_COMPLIANT;
  },
};
