package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** The local emulator's shared conformance case (test/local/fixtures.ts, HANDLERS.conformance) in Java. */
public class Conformance implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  /** Thrown for {"fail": true}. */
  public static class ConformanceError extends RuntimeException {
    public ConformanceError(String message) {
      super(message);
    }
  }

  private int n = 0;

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    if (Boolean.TRUE.equals(event.get("fail"))) {
      throw new ConformanceError("conformance failure");
    }
    System.out.println("conformance log");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("n", ++n);
    out.put("event", event);
    out.put("requestIdSet", context.getAwsRequestId() != null);
    out.put("arn", context.getInvokedFunctionArn());
    out.put("fn", context.getFunctionName());
    out.put("mem", String.valueOf(context.getMemoryLimitInMB())); // a string, as Node.js gives it
    out.put("left", context.getRemainingTimeInMillis() > 0);
    out.put("cc", context.getClientContext() == null ? null : context.getClientContext().getCustom());
    return out;
  }
}
