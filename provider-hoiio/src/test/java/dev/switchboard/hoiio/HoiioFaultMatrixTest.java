package dev.switchboard.hoiio;

import dev.switchboard.ProviderUnavailableException;
import dev.switchboard.SwitchboardConfig;
import dev.switchboard.VoiceClient;
import dev.switchboard.VoiceException;
import dev.switchboard.flow.CallFlow;
import dev.switchboard.flow.Say;
import dev.switchboard.spi.VoiceProvider;
import dev.switchboard.testkit.faults.Fault;
import dev.switchboard.testkit.faults.FaultOperation;
import dev.switchboard.testkit.faults.FaultyVendor;
import dev.switchboard.testkit.faults.ProviderFaultMatrix;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Hoiio against every vendor fault. Hoiio answers every request with HTTP 200 and its own status,
 * so an HTTP 404 or 422 comes from something in front of it and proves nothing about the call, and
 * an answer without {@code success_ok}, a hang-up's included, is no success; and it only tells the
 * status of a call this client placed, so the matrix places one first.
 */
class HoiioFaultMatrixTest extends ProviderFaultMatrix {
  @Override
  protected VoiceProvider provider() {
    return new HoiioProvider();
  }

  @Override
  protected Map<String, String> config(URI vendor) {
    return Map.of(
        HoiioProvider.APP_ID, "app-1",
        HoiioProvider.ACCESS_TOKEN, "token-1",
        HoiioProvider.BASE_URL, vendor + "/open/",
        SwitchboardConfig.WEBHOOK_BASE_URL, "https://app.example.com/hooks",
        SwitchboardConfig.WEBHOOK_SECRET, "a-secret-of-sixteen-chars");
  }

  @Override
  protected String knownCall(VoiceClient client, FaultyVendor vendor) {
    vendor.healthy(
        request ->
            new FaultyVendor.Answer(
                200, "{\"status\":\"success_ok\",\"session\":\"S-1\",\"txn_ref\":\"T-1\"}"));
    return client
        .placeCall("+6561234567", "+6569876543", CallFlow.of(Say.of("Your table is ready.")))
        .id();
  }

  @Override
  protected Optional<Class<? extends VoiceException>> expected(
      FaultOperation operation, Fault fault) {
    if (fault == Fault.STATUS_404 || fault == Fault.EMPTY || fault == Fault.WRONG_SHAPE) {
      return Optional.of(ProviderUnavailableException.class);
    }
    return super.expected(operation, fault);
  }
}
