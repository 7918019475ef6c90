import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

// 2 AZs, NAT, flow logs, S3+DynamoDB endpoints
network := cdklambdablueprints.NewBlueprintVpc(stack, jsii.String("Network"), &cdklambdablueprints.BlueprintVpcProps{NatGateways: jsii.Number(1)})
// e.g. an Aurora cluster's group
db := awsec2.NewSecurityGroup(stack, jsii.String("DatabaseGroup"), &awsec2.SecurityGroupProps{Vpc: network.Vpc(), AllowAllOutbound: jsii.Bool(false)})
cacheSecurityGroup := awsec2.NewSecurityGroup(stack, jsii.String("CacheGroup"), &awsec2.SecurityGroupProps{Vpc: network.Vpc(), AllowAllOutbound: jsii.Bool(false)})
fileSystem := awsefs.NewFileSystem(stack, jsii.String("Files"), &awsefs.FileSystemProps{Vpc: network.Vpc(), Encrypted: jsii.Bool(true)})
accessPoint := fileSystem.AddAccessPoint(jsii.String("Data"), &awsefs.AccessPointOptions{
	Path:      jsii.String("/data"),
	CreateAcl: &awsefs.Acl{OwnerUid: jsii.String("1001"), OwnerGid: jsii.String("1001"), Permissions: jsii.String("750")},
	PosixUser: &awsefs.PosixUser{Uid: jsii.String("1001"), Gid: jsii.String("1001")},
})

worker := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Worker"), &cdklambdablueprints.BlueprintFunctionProps{
	Runtime: awslambda.Runtime_NODEJS_24_X(),
	Handler: jsii.String("index.handler"),
	Code:    cdklambdablueprints.BlueprintCode_FromFile(jsii.String("handlers/worker.js"), nil),
	// or cdklambdablueprints.FunctionNetwork_PrivateEgress(anyVpc, …) / FunctionNetwork_Isolated(vpc, …)
	Network: network.PrivateEgress(&cdklambdablueprints.FunctionNetworkOptions{
		// shared, 443 from functions only
		InterfaceEndpoints: &[]awsec2.InterfaceVpcEndpointAwsService{awsec2.InterfaceVpcEndpointAwsService_SQS()},
		// opens the DB group to the worker's
		ConnectTo: &[]*cdklambdablueprints.NetworkTarget{{Target: db, Port: awsec2.Port_Tcp(jsii.Number(5432))}},
	}),
	// durable storage, needs network
	FileSystem: cdklambdablueprints.FunctionFileSystem_FromEfsAccessPoint(accessPoint, jsii.String("/mnt/data")),
})
worker.ConnectTo(cacheSecurityGroup, awsec2.Port_Tcp(jsii.Number(6379)))
db.Connections().AllowFrom(worker, awsec2.Port_Tcp(jsii.Number(5432)), nil) // or any aws-cdk-lib connections call
