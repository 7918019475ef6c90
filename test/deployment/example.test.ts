import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../examples/canary-release';
import { nagFindings } from '../helpers';

describe('example canary-release', () => {
  const app = buildApp(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'canary-release-')) }));
  const stack = app.node.children.find(Stack.isStack)!;
  const t = Template.fromStack(stack);

  test('two aliased functions deployed by CodeDeploy from one application', () => {
    t.resourceCountIs('AWS::CodeDeploy::Application', 1);
    t.resourceCountIs('AWS::CodeDeploy::DeploymentGroup', 2);
    t.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'AWS_IAM', Qualifier: 'live' });
    t.hasResourceProperties('AWS::CodeDeploy::DeploymentConfig', { TrafficRoutingConfig: { Type: 'TimeBasedLinear' } });
  });

  test('zero unacknowledged nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});
