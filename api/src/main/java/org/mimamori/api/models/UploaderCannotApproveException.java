package org.mimamori.api.models;

import org.mimamori.api.problems.ForbiddenException;
import org.mimamori.model.schema.LocalizedText;

/** The uploader of a model tried to approve it (403): approval needs a second person. */
class UploaderCannotApproveException extends ForbiddenException {

    UploaderCannotApproveException(String version, String uploader) {
        super(new LocalizedText("承認には別の人が必要です", "Approval needs a second person"),
                new LocalizedText("モデル " + version + " は " + uploader + " がアップロードしたため、本人は承認できません。"
                        + "承認にはアップロードした人以外の監督者または管理者が必要です。", "Model " + version
                        + " was uploaded by " + uploader + ", who may not approve it: approval needs a second person "
                        + "(a supervisor or admin other than the uploader)."));
    }
}
