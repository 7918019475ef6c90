export { LambdaHandlerPresent } from './handler-present';
export { LambdaImageTag } from './image-tag';
export { LambdaImageUri } from './image-uri';
export { LambdaNativeArchitecture } from './native-architecture';
export { LambdaPackageSize } from './package-size';
export { LambdaPythonAbi } from './python-abi';
