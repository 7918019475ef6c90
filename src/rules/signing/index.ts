export { LambdaCodeSigningImage } from './image';
export { LambdaCodeSigningProfiles } from './profiles';
