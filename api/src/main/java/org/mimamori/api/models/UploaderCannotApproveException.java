package org.mimamori.api.models;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The uploader of a model tried to approve it (403): approval needs a second person. */
class UploaderCannotApproveException extends ErrorResponseException {

    UploaderCannotApproveException(String version, String uploader) {
        super(HttpStatus.FORBIDDEN, detail(version, uploader), null);
    }

    private static ProblemDetail detail(String version, String uploader) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Model " + version
                + " was uploaded by " + uploader + ", who may not approve it: approval needs a second person "
                + "(a supervisor or admin other than the uploader).");
        p.setTitle("Approval needs a second person");
        return p;
    }
}
