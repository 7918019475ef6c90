import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklambdablueprints.CloudFrontSampleOptions;
import io.github.cdklambdablueprints.CloudWatchLogsSampleOptions;
import io.github.cdklambdablueprints.CognitoSampleOptions;
import io.github.cdklambdablueprints.DynamoDbSampleOptions;
import io.github.cdklambdablueprints.HttpSampleOptions;
import io.github.cdklambdablueprints.SampleEvents;
import io.github.cdklambdablueprints.SqsSampleOptions;
import java.util.List;
import java.util.Map;

// Each event is a JSON value: read it as a tree, or convert it to your handler's event type
// (json.convertValue(event, SQSEvent.class) with aws-lambda-java-events).
ObjectMapper json = new ObjectMapper();
JsonNode sqsEvent = json.valueToTree(SampleEvents.sqs(SqsSampleOptions.builder()
        .bodies(List.of("{\"orderId\":\"1\"}", "{\"orderId\":\"2\"}")).queueName("orders.fifo").build()));
JsonNode albEvent = json.valueToTree(SampleEvents.alb(HttpSampleOptions.builder()
        .method("POST").path("/orders").body("{}").multiValueHeaders(true).build()));
JsonNode change = json.valueToTree(SampleEvents.dynamoDb(DynamoDbSampleOptions.builder()
        .eventName("MODIFY").keys(Map.of("pk", "order#1")).newImage(Map.of("pk", "order#1", "status", "PAID")).build()));
System.out.println(sqsEvent.get("Records").size() + " " + albEvent.get("multiValueHeaders") + " " + change.at("/Records/0/dynamodb/NewImage"));
JsonNode signUp = json.valueToTree(SampleEvents.cognitoPreSignUp(CognitoSampleOptions.builder()
        .userAttributes(Map.of("email", "jane@example.com")).build()));
JsonNode edge = json.valueToTree(SampleEvents.cloudFrontViewerRequest(CloudFrontSampleOptions.builder()
        .uri("/docs/").headers(Map.of("Host", "example.com")).build()));
JsonNode batch = json.valueToTree(SampleEvents.cloudWatchLogs(CloudWatchLogsSampleOptions.builder()
        .messages(List.of("ERROR payment failed")).logGroup("/aws/lambda/payments").build()));
System.out.println(signUp.at("/response/autoConfirmUser") + " " + edge.at("/Records/0/cf/request/uri") + " " + batch.at("/awslogs/data").asText().length());
