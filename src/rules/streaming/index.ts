export { LambdaStreamingRuntime } from './runtime';
export { LambdaStreamingUrlVpc } from './vpc';
