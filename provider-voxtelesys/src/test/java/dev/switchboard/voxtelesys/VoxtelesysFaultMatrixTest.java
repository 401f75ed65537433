package dev.switchboard.voxtelesys;

import dev.switchboard.InvalidInputException;
import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.VoiceException;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.testkit.faults.Fault;
import dev.switchboard.testkit.faults.FaultOperation;
import dev.switchboard.testkit.faults.ProviderFaultMatrix;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Voxtelesys against every vendor fault: its document refuses input with 422, and a call's status
 * is read from the list of calls, so a 404 there says the API is not at that URL, not that the call
 * is unknown.
 */
class VoxtelesysFaultMatrixTest extends ProviderFaultMatrix {
  @Override
  protected VoiceProvider provider() {
    return new VoxtelesysProvider();
  }

  @Override
  protected Map<String, String> config(URI vendor) {
    return Map.of(
        VoxtelesysProvider.API_KEY, "test-key", VoxtelesysProvider.BASE_URL, vendor + "/api/v1");
  }

  @Override
  protected Optional<Class<? extends VoiceException>> expected(
      FaultOperation operation, Fault fault) {
    if (fault == Fault.STATUS_422) {
      return Optional.of(InvalidInputException.class);
    }
    if (fault == Fault.STATUS_404 && operation == FaultOperation.STATUS) {
      return Optional.of(ProviderUnavailableException.class);
    }
    return super.expected(operation, fault);
  }
}
