package io.livechat.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error page for requests it refuses itself (a malformed or suspicious URL such as
 * {@code /api/rooms/..%2fgeneral}, before any filter runs), with the {@link SecurityHeaders},
 * without stacks or causes.
 */
final class HeadedErrorHandler extends ErrorHandler {

	HeadedErrorHandler() {
		setShowStacks(false);
		setShowCauses(false);
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws Exception {
		HttpFields.Mutable headers = response.getHeaders();
		SecurityHeaders.names().forEach((name, value) -> headers.put(name, value));
		return super.handle(request, response, callback);
	}

}
