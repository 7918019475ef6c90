import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BlueprintAlarms, BlueprintDashboard, BlueprintFunction, BlueprintFunctionProps, DeploymentStrategy, DynamoStreamToFunction, KinesisToFunction, QueueToFunction, SnsToFunction } from '../../src';
import { nagFindings, newStack, synthErrors } from '../helpers';

const functionProps: BlueprintFunctionProps = {
  runtime: lambda.Runtime.NODEJS_24_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => ({ batchItemFailures: [] });'),
};

/** The dashboard bodies of a stack, resolved into JSON (tokens become `<token>`). */
function dashboards(stack: Stack): Record<string, { widgets: any[] }> {
  const template = Template.fromStack(stack).toJSON();
  const out: Record<string, { widgets: any[] }> = {};
  for (const [id, r] of Object.entries<any>(template.Resources)) {
    if (r.Type !== 'AWS::CloudWatch::Dashboard') continue;
    const body = r.Properties.DashboardBody;
    const text = typeof body === 'string' ? body : body['Fn::Join'][1].map((p: unknown) => (typeof p === 'string' ? p : '<token>')).join('');
    out[id] = JSON.parse(text);
  }
  return out;
}

/** The widgets of the one dashboard of a stack. */
function widgetsOf(stack: Stack): any[] {
  const all = Object.values(dashboards(stack));
  expect(all).toHaveLength(1);
  return all[0].widgets;
}

function titles(widgets: any[]): string[] {
  return widgets.map(w => w.properties.title ?? w.properties.markdown);
}

function metricNames(widgets: any[]): string[] {
  const names = new Set<string>();
  for (const w of widgets) {
    for (const m of w.properties.metrics ?? []) {
      const row = m.filter((x: unknown) => typeof x === 'string');
      if (row.length >= 2 && row[0].startsWith('AWS/')) names.add(row[1]);
      const expression = m.find((x: any) => typeof x === 'object' && x.expression);
      if (expression) names.add(`expression: ${expression.expression}`);
    }
  }
  return [...names].sort();
}

describe('default dashboard, widgets per function kind', () => {
  test('a plain function: invocations, errors, success rate, duration p50/p99 with the timeout, concurrency, throttles', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Plain', { ...functionProps, timeout: Duration.seconds(20), reservedConcurrentExecutions: 7 });
    const widgets = widgetsOf(stack);
    expect(metricNames(widgets)).toEqual([
      'ApproximateAgeOfOldestMessage', 'ApproximateNumberOfMessagesVisible', // the stack's shared async DLQ
      'ConcurrentExecutions', 'Duration', 'Errors', 'Invocations', 'Throttles',
      'expression: 100 - 100 * errors / MAX([errors, invocations])',
    ]);
    expect(titles(widgets)).toEqual([
      '### λ Plain',
      'Plain: invocations, errors, success rate',
      'Plain: duration p50 / p99',
      'Plain: concurrent executions',
      'Plain: throttles',
      'DLQ (async DLQ) BlueprintAsyncDeadLetterQueue: visible messages, oldest message age',
    ]);
    const duration = widgets.find(w => w.properties.title === 'Plain: duration p50 / p99');
    expect(JSON.stringify(duration.properties.metrics)).toContain('"stat":"p99"');
    expect(duration.properties.annotations.horizontal).toEqual([{ value: 20000, label: 'timeout 20 s', color: '#d62728', yAxis: 'left' }]);
    const concurrency = widgets.find(w => w.properties.title === 'Plain: concurrent executions');
    expect(concurrency.properties.annotations.horizontal[0]).toMatchObject({ value: 7, label: 'reserved concurrency 7' });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('no reserved concurrency: no annotation on the concurrency graph', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Plain', functionProps);
    const concurrency = widgetsOf(stack).find(w => w.properties.title === 'Plain: concurrent executions');
    expect(concurrency.properties.annotations).toBeUndefined();
  });

  test('an async function (SNS trigger added after the function): AsyncEventsDropped and DestinationDeliveryFailures', () => {
    const stack = newStack();
    const fn = new BlueprintFunction(stack, 'Notified', functionProps);
    new SnsToFunction(stack, 'Trigger', { function: fn, topic: new sns.Topic(stack, 'Topic', { enforceSSL: true }) });
    const widgets = widgetsOf(stack);
    expect(metricNames(widgets)).toEqual(expect.arrayContaining(['AsyncEventsDropped', 'DestinationDeliveryFailures']));
    expect(metricNames(widgets)).not.toContain('IteratorAge');
    expect(titles(widgets)[0]).toBe('### λ Notified (async)');
  });

  test('an async invoke configuration makes a function async', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Configured', { ...functionProps, asyncInvoke: { retryAttempts: 1 } });
    expect(metricNames(widgetsOf(stack))).toContain('AsyncEventsDropped');
  });

  test('a plain function shows no async or stream metrics', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Plain', functionProps);
    const names = metricNames(widgetsOf(stack));
    expect(names).not.toContain('AsyncEventsDropped');
    expect(names).not.toContain('DestinationDeliveryFailures');
    expect(names).not.toContain('IteratorAge');
  });

  test('a stream consumer: IteratorAge (max) and its failure queue', () => {
    const stack = newStack();
    new KinesisToFunction(stack, 'Orders', { functionProps });
    const widgets = widgetsOf(stack);
    const age = widgets.find(w => /iterator age/.test(w.properties.title ?? ''));
    expect(JSON.stringify(age.properties.metrics)).toContain('"IteratorAge"');
    expect(JSON.stringify(age.properties.metrics)).toContain('"stat":"Maximum"');
    expect(titles(widgets).some(t => /^DLQ \(mapping on-failure\) /.test(t))).toBe(true);
    expect(titles(widgets)[0]).toMatch(/stream consumer/);
  });

  test('a DynamoDB stream consumer: IteratorAge as well', () => {
    const stack = newStack();
    new DynamoStreamToFunction(stack, 'Cdc', { functionProps });
    const widgets = widgetsOf(stack);
    expect(metricNames(widgets)).toContain('IteratorAge');
    expect(titles(widgets)[0]).toMatch(/stream consumer/);
  });

  test('a queue consumer: its source queue and the queue\'s redrive DLQ', () => {
    const stack = newStack();
    new QueueToFunction(stack, 'Jobs', { functionProps });
    const widgets = widgetsOf(stack);
    const t = titles(widgets);
    expect(t[0]).toMatch(/queue consumer/);
    expect(t.filter(x => x.startsWith('source queue ')).length).toBe(1);
    expect(t.filter(x => /^DLQ \(redrive after \d+ receives\)/.test(x)).length).toBe(1);
    expect(metricNames(widgets)).toEqual(expect.arrayContaining(['ApproximateAgeOfOldestMessage', 'ApproximateNumberOfMessagesVisible']));
    expect(metricNames(widgets)).not.toContain('IteratorAge');
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a released function whose sources invoke its alias: still a queue and stream consumer', () => {
    const stack = newStack();
    const fn = new BlueprintFunction(stack, 'Released', { ...functionProps, deployment: { strategy: DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES } });
    new QueueToFunction(stack, 'Jobs', { function: fn });
    new KinesisToFunction(stack, 'Orders', { function: fn, streamProps: { shardCount: 1 } });
    const widgets = widgetsOf(stack);
    const t = titles(widgets);
    expect(t[0]).toBe('### λ Released (stream consumer, queue consumer)');
    expect(t.filter(x => x.startsWith('source queue '))).toHaveLength(1);
    expect(metricNames(widgets)).toContain('IteratorAge');
  });

  test('a shared DLQ is drawn once', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'A', functionProps);
    new BlueprintFunction(stack, 'B', functionProps);
    const t = titles(widgetsOf(stack));
    expect(t.filter(x => x.includes('BlueprintAsyncDeadLetterQueue'))).toHaveLength(1);
    expect(t).toEqual(expect.arrayContaining(['### λ A', '### λ B']));
  });
});

describe('the split at CloudWatch\'s widget limit (500 per body)', () => {
  /** Dashboard bodies by logical id, with the function headings each shows. */
  function headings(stack: Stack): Record<string, string[]> {
    return Object.fromEntries(Object.entries(dashboards(stack)).map(([id, d]) => [id, titles(d.widgets).filter(x => x.startsWith('### λ'))]));
  }

  test('60 functions (as many as fit in a stack\'s 500 resources): 2 default dashboards of 50 and 10, each function once, each body within 500 widgets', () => {
    const stack = newStack();
    for (let i = 0; i < 60; i++) new BlueprintFunction(stack, `F${i}`, functionProps);
    const all = dashboards(stack);
    const part = (id: string) => id.replace(/[0-9A-F]{8}$/, '');
    const ids = Object.keys(all).sort((a, b) => part(a).localeCompare(part(b)));
    expect(ids.map(part)).toEqual(['BlueprintDashboard', 'BlueprintDashboard2']);
    const byPart = ids.map(id => headings(stack)[id]);
    expect(byPart.map(h => h.length)).toEqual([50, 10]);
    expect(new Set(byPart.flat()).size).toBe(60);
    for (const d of Object.values(all)) expect(d.widgets.length).toBeLessThanOrEqual(500);
    expect(BlueprintDashboard.defaultOf(stack)!.node.path).toBe('Test/BlueprintDashboard');
  });

  test('an explicit dashboard splits into <name>-2…, beside its first part', () => {
    const stack = newStack();
    const fns = Array.from({ length: 51 }, (_, i) => new BlueprintFunction(stack, `F${i}`, functionProps));
    new BlueprintDashboard(stack, 'Team', { functions: fns, dashboardName: 'team' });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::CloudWatch::Dashboard', 2);
    t.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'team' });
    t.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'team-2' });
    expect(Object.values(headings(stack)).map(h => h.length).sort()).toEqual([1, 50]);
  });

  test('the body grows linearly with functions', () => {
    const size = (n: number) => {
      const stack = newStack();
      for (let i = 0; i < n; i++) new BlueprintFunction(stack, `F${i}`, functionProps);
      const body = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody;
      return JSON.stringify(body).length;
    };
    const [s10, s20, s40] = [size(10), size(20), size(40)];
    expect((s40 - s20) / (s20 - s10)).toBeCloseTo(2, 1);
  });

  test('more widgets than a body holds (functions with many queues): refused under BlueprintDashboardWidgets, naming the dashboard and the way out', () => {
    const stack = newStack();
    const fns = Array.from({ length: 5 }, (_, i) => new BlueprintFunction(stack, `F${i}`, functionProps));
    for (const [i, fn] of fns.entries()) {
      for (let q = 0; q < 100; q++) fn.function.addEventSource(new SqsEventSource(new sqs.Queue(stack, `Q${i}-${q}`, { visibilityTimeout: Duration.minutes(3) })));
    }
    expect(synthErrors(stack).filter(e => e.includes('DashboardBody'))).toEqual([
      '[Test/BlueprintDashboard] LambdaBlueprints-BlueprintDashboardWidgets: DashboardBody (widgets) is 526 widgets for 5 functions, allowed is at most 500 widgets (CloudWatch rejects a larger body), '
      + 'because these functions draw more queues than the 3 per function a dashboard makes room for (50 functions per body); give some of them a BlueprintDashboard of their own (functions).',
    ]);
  });
});

describe('the switch and explicit dashboards', () => {
  test('BlueprintDashboard.disableDefault(stack): no dashboard', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', functionProps);
    BlueprintDashboard.disableDefault(stack);
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    expect(BlueprintDashboard.defaultOf(stack)).toBeUndefined();
  });

  test('disableDefault on the app reaches every stack', () => {
    const app = new App();
    BlueprintDashboard.disableDefault(app);
    const stack = new Stack(app, 'S');
    new BlueprintFunction(stack, 'Fn', functionProps);
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Dashboard', 0);
  });

  test('a stack without blueprint functions gets no dashboard', () => {
    const stack = newStack();
    new sns.Topic(stack, 'Topic');
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Dashboard', 0);
  });

  test('the default dashboard is reachable after synth', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', functionProps);
    Template.fromStack(stack);
    expect(BlueprintDashboard.defaultOf(stack)).toBeDefined();
  });

  test('a dashboard for a group: the default dashboard shows the others', () => {
    const stack = newStack();
    const a = new BlueprintFunction(stack, 'A', functionProps);
    new BlueprintFunction(stack, 'B', functionProps);
    new BlueprintDashboard(stack, 'Team', { functions: [a], dashboardName: 'team-a' });
    const all = dashboards(stack);
    expect(Object.keys(all)).toHaveLength(2);
    const team = Object.entries(all).find(([id]) => id.startsWith('Team'))![1];
    const other = Object.entries(all).find(([id]) => id.startsWith('BlueprintDashboard'))![1];
    expect(titles(team.widgets)).toContain('### λ A');
    expect(titles(team.widgets)).not.toContain('### λ B');
    expect(titles(other.widgets)).toContain('### λ B');
    expect(titles(other.widgets)).not.toContain('### λ A');
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'team-a' });
  });

  test('a dashboard of every function: no default dashboard', () => {
    const stack = newStack();
    new BlueprintDashboard(stack, 'All');
    new BlueprintFunction(stack, 'A', functionProps);
    expect(titles(widgetsOf(stack))).toContain('### λ A');
  });

  test('functions of another stack are refused, naming both paths', () => {
    const app = new App();
    const one = new Stack(app, 'One');
    const two = new Stack(app, 'Two');
    const fn = new BlueprintFunction(two, 'Remote', functionProps);
    new BlueprintDashboard(one, 'Board', { functions: [fn] });
    const errors = synthErrors(one);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('functions is Two/Remote of stack Two, allowed is a function of the dashboard\'s stack One (dashboard One/Board)');
  });

  test('an empty function list is refused', () => {
    const stack = newStack();
    new BlueprintDashboard(stack, 'Board', { functions: [] });
    expect(synthErrors(stack).join('\n')).toContain('functions is [], allowed is at least one BlueprintFunction');
  });
});

describe('alarms', () => {
  test('p99 Duration at 90 % of the timeout', () => {
    const stack = newStack();
    const fn = new BlueprintFunction(stack, 'Fn', { ...functionProps, timeout: Duration.seconds(10) });
    expect(fn.durationAlarm).toBeDefined();
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Duration',
      ExtendedStatistic: 'p99',
      Threshold: 9000,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    expect(BlueprintAlarms.alarmsOf(stack)).toContain(fn.durationAlarm);
  });

  test('AsyncEventsDropped > 0 for an async function, registered with BlueprintAlarms', () => {
    const stack = newStack();
    const fn = new BlueprintFunction(stack, 'Fn', functionProps);
    const topic = new sns.Topic(stack, 'Alarms', { enforceSSL: true });
    BlueprintAlarms.notify(stack, topic);
    new SnsToFunction(stack, 'Trigger', { function: fn, topic: new sns.Topic(stack, 'Topic', { enforceSSL: true }) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'AsyncEventsDropped',
      Namespace: 'AWS/Lambda',
      Statistic: 'Sum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: stack.getLogicalId(topic.node.defaultChild as sns.CfnTopic) }],
    });
    expect(fn.asyncEventsDroppedAlarm).toBeDefined();
    expect(BlueprintAlarms.alarmsOf(stack)).toContain(fn.asyncEventsDroppedAlarm);
  });

  test('no AsyncEventsDropped alarm for a function that is not invoked asynchronously, none with alarms off', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Plain', functionProps);
    const quiet = new BlueprintFunction(stack, 'Quiet', { ...functionProps, alarms: false });
    new SnsToFunction(stack, 'Trigger', { function: quiet, topic: new sns.Topic(stack, 'Topic', { enforceSSL: true }) });
    const template = Template.fromStack(stack);
    expect(Object.keys(template.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: 'AsyncEventsDropped' } }))).toEqual([]);
    expect(Object.keys(template.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: 'Duration' } }))).toHaveLength(1);
  });
});
