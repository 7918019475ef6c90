// Runs in private subnets: S3 through the gateway endpoint, the database through its security group,
// the internet through the NAT gateway. Clients are created once, outside the handler.
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');

const s3 = new S3Client({});

exports.handler = async (event) => {
  const key = event.key ?? 'input.json';
  const object = await s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET_NAME, Key: key }));
  const body = await object.Body.transformToString();
  // A real worker would write to the database at process.env.DB_HOST:process.env.DB_PORT here.
  return { key, bytes: body.length, database: `${process.env.DB_HOST}:${process.env.DB_PORT}` };
};
