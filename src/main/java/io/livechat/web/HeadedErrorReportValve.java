package io.livechat.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error page for requests it refuses itself (a malformed or suspicious URL such as
 * {@code /api/rooms/..%2fgeneral}, before any filter runs), with the {@link SecurityHeaders} and
 * without the server's name or a report.
 */
public class HeadedErrorReportValve extends ErrorReportValve {

	public HeadedErrorReportValve() {
		setShowServerInfo(false);
		setShowReport(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		if (!response.isCommitted()) {
			SecurityHeaders.apply(response);
		}
		super.report(request, response, throwable);
	}

}
