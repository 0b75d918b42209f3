package io.rhythm.health.api;

import io.rhythm.health.service.ClientAccess;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.rhythm.health.domain.Client;
import io.rhythm.health.domain.Contact;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * A client's contacts. CSEs and CAMs keep their own clients' contacts (seed 000: they review contact
 * lists, add stakeholders, verify emails and roles); integrations and leaders may too. Every change
 * publishes ContactUpserted on clients.v1.
 */
@Path("/api/v1/clients/{clientId}/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "People at a client: stakeholders and survey recipients")
public class ContactResource {

    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    ClientAccess access;
    @Inject
    Clock clock;
    @Inject
    io.rhythm.health.service.ContactWrites writes;

    @POST
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Add a contact", description = "409 when the client already has a contact with that email.")
    @APIResponse(responseCode = "201", description = "Added (Location, ETag)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "409", description = "The e-mail is already used by another contact of the client, or the Idempotency-Key was used for another request")
    public Response create(@PathParam("clientId") UUID clientId, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                           @Valid @NotNull ContactRequest request) {
        Client client = writable(clientId);
        return idempotent.execute(idempotencyKey, "POST /api/v1/clients/" + clientId + "/contacts", request, () -> {
            requireEmailFree(client.id, request.email(), null);
            Contact contact = new Contact();
            contact.id = UUID.randomUUID();
            contact.clientId = client.id;
            contact.createdAt = Instant.now(clock);
            apply(contact, request);
            contact.persist();
            publish(contact);
            return Response.created(URI.create("/api/v1/clients/" + clientId + "/contacts/" + contact.id))
                    .tag(Versions.etag(contact.version)).entity(ContactView.of(contact)).build();
        });
    }

    @PUT
    @Path("/{contactId}")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Replace a contact", description = "Requires If-Match with the contact's ETag (412 stale, 428 missing). "
            + "Set subscribed false when a contact unsubscribes, active false when they leave.")
    public Response replace(@PathParam("clientId") UUID clientId, @PathParam("contactId") UUID contactId,
                            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ContactRequest request) {
        writable(clientId);
        Contact contact = Contact.findById(contactId, LockModeType.PESSIMISTIC_WRITE);
        if (contact == null || !contact.clientId.equals(clientId)) {
            throw ApiException.notFound("Contact", contactId);
        }
        Versions.requireMatch(ifMatch, contact.version);
        requireEmailFree(clientId, request.email(), contactId);
        apply(contact, request);
        contact.version++;
        publish(contact);
        return Response.ok(ContactView.of(contact)).tag(Versions.etag(contact.version)).build();
    }

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client's contacts, by name", description = "Cursor paging; ?active=false includes former contacts.")
    public Page<ContactView> list(@PathParam("clientId") UUID clientId, @QueryParam("active") Boolean active,
                                  @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        access.visible(clientId);
        return page(clientId, active, PageRequest.of(limit, cursor));
    }

    /** A page of a (visible) client's contacts by name; {@code active} false includes former contacts. */
    static Page<ContactView> page(UUID clientId, Boolean active, PageRequest page) {
        String query = "clientId = :client" + (Boolean.FALSE.equals(active) ? "" : " and active = true");
        Parameters params = Parameters.with("client", clientId);
        if (page.after() != null) {
            query += " and (name > :name or (name = :name and id > :id))";
            params.and("name", page.after().sortValue()).and("id", page.after().uuid());
        }
        var rows = Contact.<Contact>find(query + " order by name, id", params).page(0, page.fetchSize()).list();
        return Page.of(rows, page, c -> new Cursor(c.name, c.id.toString()), ContactView::of);
    }

    private void apply(Contact contact, ContactRequest request) {
        contact.name = request.name().strip();
        contact.email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
        contact.title = request.title();
        contact.department = request.department();
        contact.stakeholderRoles = request.stakeholderRoles() == null ? new String[0]
                : request.stakeholderRoles().stream().map(Enum::name).sorted().toArray(String[]::new);
        contact.subscribed = request.subscribed() == null || request.subscribed();
        contact.active = request.active() == null || request.active();
        contact.updatedAt = Instant.now(clock);
    }

    private void publish(Contact contact) {
        writes.publish(contact);
    }

    private void requireEmailFree(UUID clientId, String email, UUID self) {
        if (writes.emailTaken(clientId, email, self)) {
            throw ApiException.conflict("the client already has a contact with email " + email.strip());
        }
    }


    /** Integrations and leaders write any client's contacts; CSEs and CAMs their own clients'. */
    private Client writable(UUID clientId) {
        if (caller.hasRole(Roles.INTEGRATION)) {
            Client client = Client.findById(clientId);
            if (client == null) {
                throw ApiException.notFound("Client", clientId);
            }
            return client;
        }
        return access.visible(clientId);
    }
}
