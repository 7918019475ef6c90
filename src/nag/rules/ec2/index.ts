export * from './internet-gateway-subnet';
