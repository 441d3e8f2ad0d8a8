package org.example.products;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The product service as a Spring Boot application on Jetty 12. */
@SpringBootApplication
@RestController
public class ProductApplication {

  /** A product as the service answers it. */
  public record Product(String sku, String name) {}

  private final Map<String, String> names = new ConcurrentHashMap<>();

  public static ConfigurableApplicationContext start(String... args) {
    return SpringApplication.run(ProductApplication.class, args);
  }

  /** The catalogue, for tests to set up. */
  public Map<String, String> names() {
    return names;
  }

  @GetMapping("/products/{sku}")
  ResponseEntity<Product> product(@PathVariable("sku") String sku) {
    String name = names.get(sku);
    return name == null
        ? ResponseEntity.notFound().build()
        : ResponseEntity.ok(new Product(sku, name));
  }
}
