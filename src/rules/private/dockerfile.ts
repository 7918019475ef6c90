import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as ecr_assets from 'aws-cdk-lib/aws-ecr-assets';
import { CfnEntry, TemplateIndex, indexKey } from './template-index';

/** One build stage of a Dockerfile: the image it starts from, its name and its labels. */
interface Stage {
  readonly from: string;
  readonly name?: string;
  readonly labels: Map<string, string>;
}

/** What the image of the final stage is built on, and the labels it carries. */
export interface ImageBuild {
  /** The Dockerfile, as messages name it (the asset's construct path and the file name). */
  readonly label: string;
  /** The external base image (`public.ecr.aws/lambda/java:21`); undefined when a build argument names it. */
  readonly base?: string;
  /** Labels of the final stage and of the stages it is built on. */
  readonly labels: ReadonlyMap<string, string>;
}

function unquote(value: string): string {
  const m = /^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/.exec(value);
  return m ? (m[1] ?? m[2]).replace(/\\(.)/g, '$1') : value;
}

function labelsOf(args: string, into: Map<string, string>): void {
  if (!args.includes('=')) {
    const [key, ...rest] = args.split(/\s+/);
    if (key) into.set(unquote(key), unquote(rest.join(' ')));
    return;
  }
  for (const m of args.matchAll(/("(?:[^"\\]|\\.)*"|[^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S+)/g)) into.set(unquote(m[1]), unquote(m[2]));
}

/** The build stages of a Dockerfile (line continuations joined, comments skipped). */
export function stagesOf(dockerfile: string): Stage[] {
  const stages: Stage[] = [];
  const lines = dockerfile.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const line of lines.map(l => l.trim()).filter(l => l && !l.startsWith('#'))) {
    const [instruction, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (/^from$/i.test(instruction)) {
      const words = rest.filter(w => !w.startsWith('--'));
      stages.push({ from: words[0] ?? '', name: /^as$/i.test(words[1] ?? '') ? words[2]?.toLowerCase() : undefined, labels: new Map() });
    } else if (/^label$/i.test(instruction) && stages.length) {
      labelsOf(args, stages[stages.length - 1].labels);
    }
  }
  return stages;
}

/** The base image and labels of the final stage (or of `target`), following stages built on stages. */
export function finalImage(dockerfile: string, target?: string): { base?: string; labels: Map<string, string> } | undefined {
  const stages = stagesOf(dockerfile);
  let stage = target ? stages.find(s => s.name === target.toLowerCase()) : stages[stages.length - 1];
  const labels = new Map<string, string>();
  const seen = new Set<Stage>();
  while (stage && !seen.has(stage)) {
    seen.add(stage);
    stage.labels.forEach((v, k) => { if (!labels.has(k)) labels.set(k, v); });
    const from = stage.from.toLowerCase();
    const parent: Stage | undefined = stages.slice(0, stages.indexOf(stage)).reverse().find(s => s.name === from);
    if (!parent) return { base: stage.from.includes('$') ? undefined : stage.from, labels };
    stage = parent;
  }
  return undefined;
}

const BUILDS = indexKey<Map<string, ImageBuild | null>>('image builds');

/**
 * The Dockerfile build of a function's image when the image is an asset of this stack (found on this
 * machine through the asset's staging), else undefined (an ECR image: its build is unknown at synth).
 */
export function imageBuildOf(index: TemplateIndex, fn: CfnEntry): ImageBuild | undefined {
  const cache = index.memo(BUILDS, () => new Map<string, ImageBuild | null>());
  if (cache.has(fn.logicalId)) return cache.get(fn.logicalId) ?? undefined;
  const uri = JSON.stringify(fn.properties.Code?.ImageUri ?? null);
  let found: ImageBuild | undefined;
  for (const c of index.stack.node.findAll()) {
    if (!(c instanceof ecr_assets.DockerImageAsset) || Stack.of(c) !== index.stack || !uri.includes(c.imageTag)) continue;
    const staging = c.node.tryFindChild('Staging') as { absoluteStagedPath?: string } | undefined;
    const internals = c as unknown as { dockerfilePath?: string; dockerBuildTarget?: string };
    const file = internals.dockerfilePath ?? 'Dockerfile';
    if (!staging?.absoluteStagedPath) continue;
    try {
      const image = finalImage(fs.readFileSync(path.join(staging.absoluteStagedPath, file), 'utf8'), internals.dockerBuildTarget);
      if (image) found = { label: `${c.node.path} (${file})`, ...image };
    } catch {
      found = undefined;
    }
    break;
  }
  cache.set(fn.logicalId, found ?? null);
  return found;
}
