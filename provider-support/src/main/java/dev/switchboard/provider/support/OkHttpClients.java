package dev.switchboard.provider.support;

import okhttp3.OkHttpClient;
import okhttp3.Response;

/** How providers configure OkHttp where a re-sent request could do harm. */
final class OkHttpClients {
  private OkHttpClients() {}

  /**
   * A client that sends each request once. OkHttp otherwise re-sends a request by itself on a 503
   * with {@code Retry-After: 0} and on 307/308 redirects, and a re-sent call creation could ring
   * someone twice; so redirects are not followed and that header is dropped before OkHttp sees it.
   */
  static OkHttpClient sendingOnce(OkHttpClient.Builder builder) {
    return builder
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .addNetworkInterceptor(
            chain -> {
              Response response = chain.proceed(chain.request());
              return response.code() == 503
                  ? response.newBuilder().removeHeader("Retry-After").build()
                  : response;
            })
        .build();
  }
}
