package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Processes a batch of SQS messages and reports only the failed ones (ReportBatchItemFailures), so that
 * one bad message is retried alone. Work done in the constructor (here: the price table) is part of the
 * SnapStart snapshot: a restored environment starts with it already done.
 */
public class Worker implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Map<String, Integer> prices = Map.of("apple", 3, "pear", 4, "plum", 2);

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    List<Map<String, String>> failures = new ArrayList<>();
    List<Map<String, Object>> records = (List<Map<String, Object>>) event.getOrDefault("Records", List.of());
    for (Map<String, Object> record : records) {
      String id = String.valueOf(record.get("messageId"));
      String item = String.valueOf(record.getOrDefault("body", "")).trim();
      Integer price = prices.get(item);
      if (price == null) {
        context.getLogger().log("unknown item \"" + item + "\" in message " + id);
        failures.add(Map.of("itemIdentifier", id));
      } else {
        context.getLogger().log(item + " costs " + price);
      }
    }
    return Map.of("batchItemFailures", failures);
  }
}
