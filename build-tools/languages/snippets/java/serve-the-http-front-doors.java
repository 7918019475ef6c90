import io.github.cdklambdablueprints.LocalApi;
import io.github.cdklambdablueprints.LocalApiOptions;
import io.github.cdklambdablueprints.LocalHttpResponse;
import io.github.cdklambdablueprints.LocalRequestOptions;
import java.util.Map;

// app: the App under test, e.g. from your buildApp()
LocalApi api = LocalApi.fromStage(app, LocalApiOptions.builder().frontDoor("rest-api").build()); // or LocalApi.fromAssembly("cdk.out")
LocalHttpResponse response = api.request("GET", "/prod/items/7?limit=1",
        LocalRequestOptions.builder().headers(Map.of("Authorization", "allow")).build());
// response.getStatusCode(), getHeaders(), getCookies(), getBody(), getLogs()
api.dispose();
