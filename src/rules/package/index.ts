export { LambdaBootstrap } from './bootstrap';
export { LambdaHandlerPresent } from './handler-present';
export { LambdaImageTag } from './image-tag';
export { LambdaImageUri } from './image-uri';
export { LambdaNativeArchitecture } from './native-architecture';
export { LambdaNativeGlibc } from './native-glibc';
export { LambdaPackageSize } from './package-size';
export { LambdaPythonAbi } from './python-abi';
