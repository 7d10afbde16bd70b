package org.pacekpi.sandbox.internal.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pacekpi.host.dashboard.DashboardWidget;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;
import org.pacekpi.sandbox.internal.crm.Contact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.pacekpi.sandbox.internal.web.Html.escape;

/**
 * Renders the sandbox CRM's one page: the sign-in form, or the signed-in user's dashboard with the widgets their
 * roles may see and a small form to log an activity. Everything from the database or from widgets is escaped.
 */
public final class DashboardPage {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardPage.class);

    /**
     * A widget checked and ready to render: its values are read once, so a widget that changes (or throws) halfway
     * through cannot break the page.
     *
     * @param id          widget id
     * @param title       title
     * @param moduleUrl   ES module URL
     * @param elementName custom element tag
     * @param order       position
     */
    record WidgetSlot(String id, String title, String moduleUrl, String elementName, int order) {
    }

    private static final String STYLE = """
            :root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2933; background: #f5f7fa; }
            body { margin: 0; }
            header.top { display: flex; align-items: center; gap: 1rem; padding: .75rem 1.5rem; background: #1f3a5f; color: #fff; }
            header.top .brand { font-weight: 600; margin-right: auto; }
            header.top form { margin: 0; }
            main { max-width: 64rem; margin: 1.5rem auto; padding: 0 1rem; display: grid; gap: 1rem; }
            section.card, section.widget { background: #fff; border: 1px solid #d9e2ec; border-radius: .5rem; padding: 1rem 1.25rem; }
            h1 { font-size: 1.4rem; } h2 { font-size: 1.05rem; margin: 0 0 .75rem; }
            label { display: flex; flex-direction: column; gap: .25rem; font-size: .9rem; }
            input, select, button { font: inherit; padding: .4rem .6rem; border: 1px solid #9fb3c8; border-radius: .3rem; }
            button { background: #2f6fb3; color: #fff; border-color: #2f6fb3; cursor: pointer; }
            header.top button { background: transparent; border-color: #fff; }
            form.row { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; }
            .signin { max-width: 22rem; margin: 4rem auto; }
            .signin form { display: grid; gap: .75rem; }
            [hidden] { display: none !important; }
            .error { color: #b42318; } .ok { color: #18794e; } .hint, .muted { color: #52606d; font-size: .9rem; }
            """;

    private DashboardPage() {
    }

    /** The sign-in page. */
    public static String signIn(String error, String login, List<String> managerLogins) {
        StringBuilder html = head("Sign in · Sandbox CRM", List.of());
        html.append("<main class=\"signin\"><section class=\"card\"><h1>Sandbox CRM</h1>\n")
                .append("<form method=\"post\" action=\"/crm/login\">\n")
                .append("<label>Login <input name=\"login\" autocomplete=\"username\" required autofocus value=\"")
                .append(escape(login)).append("\"></label>\n")
                .append("<label>Password <input type=\"password\" name=\"password\" "
                        + "autocomplete=\"current-password\" required></label>\n")
                .append("<button type=\"submit\">Sign in</button>\n</form>\n");
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>\n");
        }
        html.append("<p class=\"hint\">Demo logins: <b>admin</b> (CRM admin), <b>head</b> (head of sales)");
        if (!managerLogins.isEmpty()) {
            html.append(", managers ");
            List<String> shown = managerLogins.size() > 8 ? managerLogins.subList(0, 8) : managerLogins;
            for (int i = 0; i < shown.size(); i++) {
                html.append(i == 0 ? "" : ", ").append("<b>").append(escape(shown.get(i))).append("</b>");
            }
            if (managerLogins.size() > shown.size()) {
                html.append(", …");
            }
        }
        html.append(". Every password is <b>demo</b>.</p>\n</section></main>\n</body></html>\n");
        return html.toString();
    }

    /**
     * The dashboard of a signed-in user.
     *
     * @param user     the signed-in user
     * @param teamName the user's team's name, or null
     * @param widgets  the widgets to render, already {@link #visible filtered} and sorted
     * @param contacts the user's own contacts, for the activity form
     */
    public static String dashboard(User user, String teamName, List<WidgetSlot> widgets, List<Contact> contacts) {
        Set<String> modules = new LinkedHashSet<>();
        widgets.forEach(widget -> modules.add(widget.moduleUrl()));
        StringBuilder html = head("Dashboard · Sandbox CRM", new ArrayList<>(modules));
        html.append("<header class=\"top\"><span class=\"brand\">Sandbox CRM</span>")
                .append("<span class=\"who\" data-user-id=\"").append(escape(user.id())).append("\">")
                .append(escape(user.displayName())).append(" · ").append(escape(roleLabel(user)));
        if (teamName != null) {
            html.append(" · ").append(escape(teamName));
        }
        html.append("</span><form method=\"post\" action=\"/crm/logout\"><button type=\"submit\">Sign out</button>"
                + "</form></header>\n<main>\n");
        for (WidgetSlot widget : widgets) {
            html.append("<section class=\"widget\" data-widget-id=\"").append(escape(widget.id())).append("\"><h2>")
                    .append(escape(widget.title())).append("</h2><").append(widget.elementName())
                    .append(" user-id=\"").append(escape(user.id())).append("\"></").append(widget.elementName())
                    .append("></section>\n");
        }
        if (widgets.isEmpty()) {
            html.append("<section class=\"card\"><p class=\"muted\">No dashboard widgets for your role yet.</p>"
                    + "</section>\n");
        }
        // below the widgets: log a call here, watch the widget above move
        activityForm(html, contacts);
        html.append("</main>\n<script type=\"module\">\n").append(FORM_SCRIPT).append("</script>\n</body></html>\n");
        return html.toString();
    }

    /**
     * The widgets a user may see, checked and sorted by {@link DashboardWidget#order()} (then id). A widget with an
     * invalid element name or module URL, or one that throws, is left out and logged.
     */
    public static List<WidgetSlot> visible(List<DashboardWidget> widgets, User user) {
        List<WidgetSlot> result = new ArrayList<>();
        for (DashboardWidget widget : widgets) {
            WidgetSlot slot;
            Set<Role> roles;
            try {
                slot = new WidgetSlot(widget.id(), widget.title(), widget.moduleUrl(), widget.elementName(),
                        widget.order());
                roles = widget.roles();
            } catch (RuntimeException e) {
                LOG.warn("Dashboard widget {} failed to describe itself; left out", widget.getClass().getName(), e);
                continue;
            }
            if (roles == null || roles.stream().noneMatch(user::hasRole)) {
                continue;
            }
            if (!Html.isCustomElementName(slot.elementName())) {
                LOG.warn("Dashboard widget {} left out: '{}' is not a valid custom element name (lower case, with a "
                        + "hyphen)", slot.id(), slot.elementName());
                continue;
            }
            if (!Html.isModuleUrl(slot.moduleUrl())) {
                LOG.warn("Dashboard widget {} left out: module URL '{}' is not a path or http(s) URL", slot.id(),
                        slot.moduleUrl());
                continue;
            }
            result.add(slot);
        }
        result.sort(Comparator.comparingInt(WidgetSlot::order)
                .thenComparing(slot -> slot.id() == null ? "" : slot.id()));
        return result;
    }

    private static StringBuilder head(String title, List<String> modules) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n");
        for (String module : modules) {
            html.append("<script type=\"module\" src=\"").append(escape(module)).append("\"></script>\n");
        }
        return html.append("</head><body>\n");
    }

    private static void activityForm(StringBuilder html, List<Contact> contacts) {
        html.append("<section class=\"card\" aria-labelledby=\"log-title\"><h2 id=\"log-title\">Log an activity</h2>\n");
        if (contacts.isEmpty()) {
            html.append("<p class=\"muted\">You have no contacts to log an activity with.</p></section>\n");
            return;
        }
        html.append("<form id=\"log-activity\" class=\"row\">\n")
                .append("<label>Type <select name=\"type\">")
                .append("<option value=\"call\">Call</option><option value=\"email\">E-mail</option>")
                .append("<option value=\"message\">Message</option><option value=\"meeting\">Meeting</option>")
                .append("</select></label>\n<label>Contact <select name=\"contactId\">");
        for (Contact contact : contacts) {
            html.append("<option value=\"").append(escape(contact.id())).append("\">").append(escape(contact.name()));
            if (contact.internal()) {
                html.append(" (colleague)");
            }
            html.append("</option>");
        }
        html.append("</select></label>\n")
                .append("<label>Outcome <select name=\"outcome\"></select></label>\n")
                .append("<label id=\"duration-row\">Duration (minutes) <input type=\"number\" name=\"durationMinutes\" "
                        + "min=\"0\" step=\"0.5\" value=\"5\"></label>\n")
                .append("<button type=\"submit\">Log activity</button>\n</form>\n")
                .append("<p id=\"log-status\" role=\"status\"></p></section>\n");
    }

    private static String roleLabel(User user) {
        if (user.hasRole(Role.ADMIN)) {
            return "CRM admin";
        }
        if (user.hasRole(Role.HEAD)) {
            return "head of sales";
        }
        return user.hasRole(Role.MANAGER) ? "manager" : "no role";
    }

    /** Posts the form to the REST API and tells widgets to refresh. */
    private static final String FORM_SCRIPT = """
            const form = document.getElementById('log-activity');
            if (form) {
              const outcomes = {
                call: [['connected', 'Connected'], ['no_answer', 'No answer'], ['busy', 'Busy'], ['voicemail', 'Voicemail']],
                email: [['sent', 'Sent'], ['failed', 'Failed']],
                message: [['sent', 'Sent'], ['failed', 'Failed']],
                meeting: [['held', 'Held'], ['not_held', 'Not held'], ['scheduled', 'Scheduled']]
              };
              const type = form.elements.type;
              const outcome = form.elements.outcome;
              const durationRow = document.getElementById('duration-row');
              const status = document.getElementById('log-status');
              const refresh = () => {
                outcome.replaceChildren(...outcomes[type.value].map(([value, label]) => new Option(label, value)));
                durationRow.hidden = !(type.value === 'call' || type.value === 'meeting');
              };
              type.addEventListener('change', refresh);
              refresh();
              form.addEventListener('submit', async (event) => {
                event.preventDefault();
                const body = { type: type.value, contactId: form.elements.contactId.value, outcome: outcome.value };
                const minutes = parseFloat(form.elements.durationMinutes.value);
                if (!durationRow.hidden && !Number.isNaN(minutes)) {
                  body.durationSeconds = Math.round(minutes * 60);
                }
                status.className = '';
                status.textContent = 'Saving…';
                try {
                  const response = await fetch('/crm/api/activities', {
                    method: 'POST',
                    credentials: 'same-origin',
                    headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
                    body: JSON.stringify(body)
                  });
                  const data = await response.json().catch(() => ({}));
                  if (!response.ok) {
                    status.className = 'error';
                    status.textContent = 'Not logged: ' + (data.detail || ('HTTP ' + response.status));
                    return;
                  }
                  status.className = 'ok';
                  status.textContent = 'Logged ' + data.type.replace('_', ' ') + ' ' + data.id + '.';
                  window.dispatchEvent(new CustomEvent('crm:activity-logged', { detail: data }));
                } catch (error) {
                  status.className = 'error';
                  status.textContent = 'Not logged: ' + error.message;
                }
              });
            }
            """;
}
