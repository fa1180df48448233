package io.agentcalls.console;

import io.agentcalls.common.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A console page's refusals as a page a person can read (the API's envelope is for programs): the
 * status, one sentence, and a way back. Ahead of the API's handler, for console pages only.
 */
@ControllerAdvice(assignableTypes = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(ConsoleException.class)
    ModelAndView console(ConsoleException e, HttpServletResponse response) {
        return page(e.status(), e.getMessage(), List.of(), response);
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView api(ApiException e, HttpServletResponse response) {
        return page(e.status(), e.getMessage(), e.errors(), response);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView parameter(Exception e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "A value of the request is missing or malformed", List.of(), response);
    }

    /** A viewer who closed the monitor left its event stream: nothing to answer, nothing wrong. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void left() {
        // the connection is gone
    }

    private static ModelAndView page(
            HttpStatus status, String message, List<String> errors, HttpServletResponse response) {
        ModelAndView page = new ModelAndView("console/error", status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        page.addObject("errors", errors);
        page.addObject("user", ConsoleModel.signedIn());
        // a refusal is shown where htmx asked for a fragment, not dropped
        response.setHeader("HX-Retarget", "#flash");
        response.setHeader("HX-Reswap", "innerHTML");
        return page;
    }
}
