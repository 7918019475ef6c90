import * as lambda from 'aws-cdk-lib/aws-lambda';
import { newestOfFamily } from '../../src/rules/private/runtimes';

describe('newestOfFamily', () => {
  test('compares versions numerically (python3.14 is newer than python3.9)', () => {
    const newest = newestOfFamily('python3.9');
    expect(newest).toMatch(/^python3\.\d+$/);
    expect(Number(newest!.split('.')[1])).toBeGreaterThan(9);
  });

  test('custom runtimes and images have no newest', () => {
    expect(newestOfFamily('provided.al2023')).toBeUndefined();
    expect(newestOfFamily(lambda.Runtime.FROM_IMAGE.name)).toBeUndefined();
  });

  test('a runtime declared after a first answer is seen (the answer is kept only while lambda.Runtime.ALL is unchanged)', () => {
    const before = newestOfFamily('nodejs18.x');
    expect(before).toMatch(/^nodejs\d+\.x$/);
    expect(newestOfFamily('nodejs18.x')).toEqual(before);
    new lambda.Runtime('nodejs999.x', lambda.RuntimeFamily.NODEJS);
    expect(newestOfFamily('nodejs18.x')).toEqual('nodejs999.x');
  });
});
