export { LambdaHandlerPresent } from './handler-present';
export { LambdaNativeArchitecture } from './native-architecture';
export { LambdaPythonAbi } from './python-abi';
