package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

// A handler's props, with a Code of its own: an asset belongs to one stack.
func handlerProps() *cdklambdablueprints.BlueprintFunctionProps {
	return &cdklambdablueprints.BlueprintFunctionProps{
		Runtime: awslambda.Runtime_NODEJS_24_X(),
		Handler: jsii.String("index.handler"),
		Code:    awslambda.Code_FromAsset(jsii.String("handlers/orders"), nil),
	}
}

type OrdersStackProps struct {
	awscdk.StackProps
	// One queue worker each (30 in the app above).
	Jobs []string
}

type OrdersStack struct {
	awscdk.Stack
	Topic awssns.Topic
}

func NewOrdersStack(scope constructs.Construct, id string, props *OrdersStackProps) *OrdersStack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)
	topic := awssns.NewTopic(stack, jsii.String("OrderEvents"), &awssns.TopicProps{EnforceSSL: jsii.Bool(true)})
	for _, job := range props.Jobs {
		cdklambdablueprints.NewQueueToFunction(stack, jsii.String(job), &cdklambdablueprints.QueueToFunctionProps{FunctionProps: handlerProps()})
	}
	return &OrdersStack{Stack: stack, Topic: topic}
}

type OrderHandlersStackProps struct {
	awscdk.StackProps
	Topic awssns.ITopic
	// One SNS handler each (20 in the app above).
	Handlers []string
}

func NewOrderHandlersStack(scope constructs.Construct, id string, props *OrderHandlersStackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, &props.StackProps)
	for _, name := range props.Handlers {
		handler := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String(name), handlerProps())
		cdklambdablueprints.NewSnsToFunction(stack, jsii.String("On"+name), &cdklambdablueprints.SnsToFunctionProps{Function: handler, Topic: props.Topic})
	}
	return stack
}

func main() {
	defer jsii.Close()
	app := awscdk.NewApp(nil)
	orders := NewOrdersStack(app, "Orders", &OrdersStackProps{Jobs: []string{"Invoices", "Payments", "Refunds"}})
	NewOrderHandlersStack(app, "OrderHandlers", &OrderHandlersStackProps{Topic: orders.Topic, Handlers: []string{"Email", "Audit", "Analytics"}})
	app.Synth(nil)
}
