package dev.switchboard.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test against a vendor's simulator: a simulator on loopback, a webhook server, and a {@code
 * VoiceClient} for the vendor's provider pointed at both, injected into test methods, lifecycle
 * methods and constructors as {@link SimulatedVoice}, the simulator (its own class or {@code
 * VendorSimulator}), {@code VoiceClient} or {@code EventLog}. Each test method gets its own, unless
 * {@link #perClass()}; parallel test classes never share one. Everything is closed after the test.
 *
 * <pre>{@code
 * @SimulatedVendor("voxtelesys")
 * class ReminderTest {
 *   @Test
 *   void confirms(VoiceClient voice, VoxtelesysSimulator vendor, EventLog events) {
 *     vendor.scriptNextCall(Callee.builder().presses("1").build());
 *     Call call = voice.placeCall("+15550001111", "+15556667777", reminder);
 *     assertThat(vendor.awaitTranscript(call.id(), Duration.ofSeconds(10)).toString())
 *         .contains("Thank you");
 *   }
 * }
 * }</pre>
 *
 * The provider must be on the test class path; the simulator is found by its id among the testkit's
 * {@code SimulatorFactory} services.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SimulatedVendorExtension.class)
public @interface SimulatedVendor {
  /** The provider id whose vendor is simulated, e.g. {@code hoiio}. */
  String value();

  /** More configuration for the client, as {@code key=value}, over the simulator's own. */
  String[] config() default {};

  /** Whether the test class's methods share one simulator and client, instead of one each. */
  boolean perClass() default false;
}
