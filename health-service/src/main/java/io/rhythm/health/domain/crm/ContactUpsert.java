package io.rhythm.health.domain.crm;

/**
 * One contact row from a CRM, whatever its shape, normalised: identified by its id in the source CRM,
 * at the company (client) with {@code companyExternalId} in that CRM.
 *
 * @param companyField how the source's export names the company column (for error messages)
 * @param optedOut     true when the CRM says the contact unsubscribed from email; false or absent never
 *                     re-subscribes a contact (consent withdrawn anywhere stays withdrawn)
 */
public record ContactUpsert(String source, String externalId, String companyExternalId, String companyField, String name,
                            String email, String title, String department, boolean optedOut) {
}
