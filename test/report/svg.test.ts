import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { BlueprintDashboard, BlueprintFunction, BlueprintFunctionProps, KinesisToFunction, QueueToFunction, SnsToFunction } from '../../src';
import { markdownReport } from '../../src/report/private/markdown';
import { dashboardMetricCount, dashboardWidgets, reportPictures } from '../../src/report/private/svg';
import { TemplateModel } from '../../src/report/private/template-model';

const functionProps: BlueprintFunctionProps = {
  runtime: lambda.Runtime.NODEJS_24_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => ({ batchItemFailures: [] });'),
};

/**
 * A tiny well-formedness check: one root, every tag closed in order, attributes quoted, text without a
 * raw `<` or a bare `&`. Returns the element names in document order.
 */
function wellFormed(doc: string): string[] {
  const names: string[] = [];
  const open: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<!--[\s\S]*?-->/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = token.exec(doc)) !== null) {
    const text = doc.slice(last, m.index);
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    last = token.lastIndex;
    if (m[0].startsWith('<!--')) continue;
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      expect(open.pop()).toBe(name);
    } else {
      if (open.length === 0) expect(names).toHaveLength(0); // a single root
      names.push(name);
      if (!selfClosing) open.push(name);
    }
  }
  expect(doc.slice(last).trim()).toBe('');
  expect(open).toEqual([]);
  return names;
}

function app(): { stack: Stack; model: () => TemplateModel } {
  const a = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
  const stack = new Stack(a, 'Shop', { env: { account: '123456789012', region: 'us-east-1' } });
  return { stack, model: () => new TemplateModel(Template.fromStack(stack).toJSON(), 'Shop') };
}

describe('report pictures', () => {
  const { stack, model: build } = app();
  const plain = new BlueprintFunction(stack, 'Plain<&>', functionProps);
  new QueueToFunction(stack, 'Jobs', { functionProps });
  new KinesisToFunction(stack, 'Orders', { functionProps });
  new SnsToFunction(stack, 'Trigger', { function: plain, topic: new sns.Topic(stack, 'Topic', { enforceSSL: true }) });
  const model = build();
  const pictures = reportPictures('Shop', model);
  const names = model.functionIds.map(id => model.nameOf(id));

  test('one picture of the event paths and one per dashboard', () => {
    expect(pictures.map(p => p.file)).toEqual(['Shop-event-paths.svg', 'Shop-dashboard-BlueprintDashboard.svg']);
    expect(names.sort()).toEqual(['Jobs', 'Orders', 'Plain<&>']);
  });

  test.each(['Shop-event-paths.svg', 'Shop-dashboard-BlueprintDashboard.svg'])('%s is well-formed SVG naming every function', file => {
    const svg = pictures.find(p => p.file === file)!.svg;
    const elements = wellFormed(svg);
    expect(elements[0]).toBe('svg');
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    for (const name of names) expect(svg).toContain(name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });

  test('the event paths: a box per node, an arrow per edge, failures dashed', () => {
    const svg = pictures[0].svg;
    expect(svg.match(/marker-end=/g)!.length).toBe(model.edges.length);
    expect(svg.match(/<rect x=/g)!.length).toBe(new Set(model.edges.flatMap(e => [e.from, e.to]).concat(model.functionIds)).size);
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('SQS queue');
    expect(svg).toContain('Kinesis stream');
  });

  test('the dashboard layout: one box per widget, placed on the 24-column grid', () => {
    const id = model.idsOfType('AWS::CloudWatch::Dashboard')[0];
    const widgets = dashboardWidgets(model.resource(id)!.Properties!.DashboardBody)!;
    expect(widgets.length).toBeGreaterThan(10);
    expect(widgets.every(w => w.x + w.width <= 24)).toBe(true);
    expect(pictures[1].svg.match(/<rect x=/g)!.length).toBe(widgets.length);
    expect(pictures[1].svg).toContain('Orders: iterator age (max)');
  });

  test('the report links the pictures', () => {
    const report = markdownReport('Shop', model, { findings: {}, acknowledged: 0 }, undefined, undefined, pictures);
    expect(report).toContain('![Event paths of Shop](Shop-event-paths.svg)');
    expect(report).toContain('![Dashboard BlueprintDashboard](Shop-dashboard-BlueprintDashboard.svg)');
    const count = dashboardMetricCount(model.resource(model.idsOfType('AWS::CloudWatch::Dashboard')[0])!.Properties!.DashboardBody);
    expect(count).toBeGreaterThan(20);
    expect(report).toContain(`Dashboards: BlueprintDashboard (${count} metrics${count > 50 ? ', more than the free tier\'s 50' : ''}). CloudWatch gives an account 3 dashboards`);
  });

  test('an explicit dashboard gets its own picture; a body that is not JSON is skipped', () => {
    const other = app();
    const fn = new BlueprintFunction(other.stack, 'Fn', functionProps);
    new BlueprintDashboard(other.stack, 'Team', { functions: [fn] });
    const files = reportPictures('Shop', other.model()).map(p => p.file);
    expect(files).toEqual(['Shop-event-paths.svg', 'Shop-dashboard-Team-Dashboard.svg']);
    expect(dashboardWidgets('not json')).toBeUndefined();
    expect(dashboardWidgets({ Ref: 'X' })).toBeUndefined();
  });
});
