package dev.switchboard.testkit.junit;

import dev.switchboard.VoiceClient;
import dev.switchboard.testkit.EventLog;
import dev.switchboard.testkit.simulator.SimulatorFactory;
import dev.switchboard.testkit.simulator.Simulators;
import dev.switchboard.testkit.simulator.VendorSimulator;
import java.lang.reflect.AnnotatedElement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link SimulatedVendor}: makes one {@link SimulatedVoice} per test method
 * (or per test class), on first need, in that context's store, which closes it when the context
 * ends.
 */
final class SimulatedVendorExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SimulatedVendorExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SimulatedVoice.class
        || type == VoiceClient.class
        || type == EventLog.class
        || VendorSimulator.class.isAssignableFrom(type);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SimulatedVoice voice = voice(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == SimulatedVoice.class) {
      return voice;
    }
    if (type == VoiceClient.class) {
      return voice.client();
    }
    if (type == EventLog.class) {
      return voice.events();
    }
    if (!type.isInstance(voice.simulator())) {
      throw new ParameterResolutionException(
          "the simulator is a "
              + voice.simulator().getClass().getSimpleName()
              + ", not a "
              + type.getSimpleName());
    }
    return voice.simulator();
  }

  private static SimulatedVoice voice(ExtensionContext context) {
    SimulatedVendor annotation = annotation(context);
    ExtensionContext owner = annotation.perClass() ? classContext(context) : context;
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            SimulatedVoice.class, key -> create(annotation), SimulatedVoice.class);
  }

  private static SimulatedVendor annotation(ExtensionContext context) {
    for (Optional<ExtensionContext> at = Optional.of(context);
        at.isPresent();
        at = at.get().getParent()) {
      Optional<AnnotatedElement> element = at.get().getElement();
      if (element.isPresent()) {
        Optional<SimulatedVendor> found =
            AnnotationSupport.findAnnotation(element.get(), SimulatedVendor.class);
        if (found.isPresent()) {
          return found.get();
        }
      }
    }
    throw new ExtensionConfigurationException("no @SimulatedVendor on the test or its class");
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext at = context;
    while (at.getTestMethod().isPresent() && at.getParent().isPresent()) {
      at = at.getParent().get();
    }
    return at;
  }

  private static SimulatedVoice create(SimulatedVendor annotation) {
    SimulatorFactory factory =
        Simulators.forProvider(annotation.value())
            .orElseThrow(
                () ->
                    new ExtensionConfigurationException(
                        "no simulator for provider '" + annotation.value() + "'"));
    Map<String, String> extra = new LinkedHashMap<>();
    for (String entry : annotation.config()) {
      int equals = entry.indexOf('=');
      if (equals < 1) {
        throw new ExtensionConfigurationException(
            "@SimulatedVendor config entries are key=value, was '" + entry + "'");
      }
      extra.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
    }
    return new SimulatedVoice(annotation.value(), factory, extra);
  }
}
