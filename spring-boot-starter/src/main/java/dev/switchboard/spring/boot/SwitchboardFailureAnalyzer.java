package dev.switchboard.spring.boot;

import dev.switchboard.ConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up failed on Switchboard's configuration: says which keys, in Switchboard's own words. */
public class SwitchboardFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set the switchboard.* keys named above in the application's properties or environment;"
            + " `switchboard providers` lists each provider's keys.",
        cause);
  }
}
