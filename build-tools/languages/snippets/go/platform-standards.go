package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

// A company rule, written as a type (in any jsii language): every function names its owner.
type ownerTagRequired struct {
	cdklambdablueprints.StandardRule
}

func newOwnerTagRequired() cdklambdablueprints.StandardRule {
	rule := &ownerTagRequired{}
	cdklambdablueprints.NewStandardRule_Override(rule, &cdklambdablueprints.StandardRuleProps{Id: jsii.String("AcmeOwnerTag")})
	return rule
}

func (r *ownerTagRequired) Check(resource cdklambdablueprints.RuleResource) *[]*cdklambdablueprints.RuleViolation {
	tags, _ := resource.Property(jsii.String("Tags")).([]interface{})
	for _, tag := range tags {
		if t, ok := tag.(map[string]interface{}); ok && t["Key"] == "owner" {
			return &[]*cdklambdablueprints.RuleViolation{}
		}
	}
	return &[]*cdklambdablueprints.RuleViolation{{
		Property: jsii.String("Tags"),
		Value:    jsii.String(`no "owner" tag`),
		Allowed:  jsii.String(`an "owner" tag`),
		Reason:   jsii.String("on-call needs to know whom to page"),
	}}
}

func main() {
	defer jsii.Close()
	app := awscdk.NewApp(nil)
	cdklambdablueprints.BlueprintStandards_Of(app).Apply(&cdklambdablueprints.StandardsProps{
		Name:     jsii.String("acme"),
		Defaults: &cdklambdablueprints.StandardDefaults{MemorySize: jsii.Number(512)},
		Rules: &cdklambdablueprints.StandardRules{
			AllowedArchitectures: &[]awslambda.Architecture{awslambda.Architecture_ARM_64()},
			CustomRules:          &[]cdklambdablueprints.StandardRule{newOwnerTagRequired()},
		},
	})
	prod := awscdk.NewStage(app, jsii.String("Prod"), nil)
	cdklambdablueprints.BlueprintStandards_Of(prod).Apply(&cdklambdablueprints.StandardsProps{
		Name: jsii.String("acme-prod"),
		Defaults: &cdklambdablueprints.StandardDefaults{
			LogRetention: awslogs.RetentionDays_THREE_MONTHS,
			Deployment:   &cdklambdablueprints.FunctionDeploymentOptions{Strategy: cdklambdablueprints.DeploymentStrategy_CANARY_10_PERCENT_5_MINUTES()},
		},
		Rules: &cdklambdablueprints.StandardRules{
			DenyPublicFunctionUrls:   jsii.Bool(true),
			MaxMemorySize:            jsii.Number(3008),
			MaxTimeout:               awscdk.Duration_Minutes(jsii.Number(2)),
			RequireCodeDeployRelease: jsii.Bool(true),
		},
	})
	orders := awscdk.NewStack(prod, jsii.String("Orders"), nil)
	cdklambdablueprints.BlueprintStandards_Of(orders).Apply(&cdklambdablueprints.StandardsProps{
		Name:     jsii.String("orders-team"),
		Defaults: &cdklambdablueprints.StandardDefaults{Tags: &map[string]*string{"owner": jsii.String("orders-team")}},
	})
	// 512 MB from "acme", three months of logs and a canary release from "acme-prod", the owner tag from "orders-team".
	cdklambdablueprints.NewBlueprintFunction(orders, jsii.String("OrdersHandler"), &cdklambdablueprints.BlueprintFunctionProps{
		Runtime: awslambda.Runtime_NODEJS_24_X(),
		Handler: jsii.String("index.handler"),
		Code:    awslambda.Code_FromInline(jsii.String("exports.handler = async () => ({ statusCode: 200 });")),
	})
	app.Synth(nil)
}
