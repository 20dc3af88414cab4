/**
 * XEP-0363 HTTP file upload at {@code upload.<domain>}. {@link org.passerelle.modules.upload.UploadModule}
 * is the entry; {@link org.passerelle.modules.upload.SlotRequests} hands out slots (limits, quota,
 * rate), {@link org.passerelle.modules.upload.UploadRoute} is the HTTP side mounted on the web
 * listeners (which write each PUT's body to a file in the storage's {@code tmp/} as it arrives),
 * {@link org.passerelle.modules.upload.FileStorage} keeps the bytes (on disk:
 * {@link org.passerelle.modules.upload.DiskFileStorage}), the records are in the core's
 * {@code UploadStore}, and {@link org.passerelle.modules.upload.Cleanup} deletes expired files.
 * See docs/UPLOAD.md.
 */
package org.passerelle.modules.upload;
