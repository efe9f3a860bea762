package com.switchboard.admin.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** The signed-in person as the layout needs it: who, whether staff, and signing out. */
@Named("sessionView")
@RequestScoped
public class SessionView {

    public boolean isStaff() {
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        return ctx.isUserInRole("csr") || ctx.isUserInRole("admin");
    }

    public boolean isAdmin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("admin");
    }

    /** Ends the container login and the session, then goes back to the console (whose form asks again). */
    public void signOut() throws ServletException, IOException {
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) ctx.getRequest()).logout();
        ctx.invalidateSession();
        ctx.redirect(ctx.getRequestContextPath() + "/inbox.xhtml");
    }
}
