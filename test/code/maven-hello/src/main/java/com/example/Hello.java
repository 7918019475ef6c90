package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Greets the event's name. */
public class Hello implements RequestHandler<Map<String, String>, String> {
  @Override
  public String handleRequest(Map<String, String> event, Context context) {
    String name = event.get("name");
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("name is required");
    }
    return "hello " + name.toUpperCase();
  }
}
