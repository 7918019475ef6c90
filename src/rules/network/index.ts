export { LambdaInternetGatewaySubnet } from './internet-gateway-subnet';
