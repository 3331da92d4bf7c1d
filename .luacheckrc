-- Prosody's globals for modules (deploy/prosody/plugins) and the test configuration (tools/prosody).
max_line_length = 140
std = "lua51"
files["deploy/prosody/plugins"] = { read_globals = { "module", "prosody", "hosts" } }
files["tools/prosody/prosody.cfg.lua"] = {
    globals = {
        "run_as_root", "pidfile", "data_path", "plugin_paths", "interfaces", "c2s_ports", "s2s_ports",
        "http_ports", "https_ports", "component_ports", "c2s_require_encryption",
        "allow_unencrypted_plain_auth", "authentication", "certificates", "storage", "log", "modules_enabled",
        "modules_disabled", "VirtualHost", "Component", "muc_room_locking", "muc_room_default_public",
        "school_policy_guest_domains", "school_policy_teacher_domains", "school_policy_service_domains",
        "school_policy_service_accounts", "school_policy_grace_period", "daemonize", "admins",
        "restrict_room_creation", "muc_tombstones", "limits", "http_interfaces", "consider_bosh_secure", "consider_websocket_secure", "bosh_max_inactivity", "http_default_host",
        "school_policy_focus_jids", "school_policy_not_open_text", "muc_password_whitelist", "muc_room_default_public_jids", "muc_mapper_domain_base", "rate_limit_whitelist", "app_id", "lobby_muc", "breakout_rooms_muc", "main_muc", "sql", "school_accounts_sql", "school_accounts_sql_poll", "statistics", "statistics_interval", "school_policy_lobby_counts_as_protection", "app_secret", "allow_empty_token", "school_policy_token_moderators_are_teachers", "muc_room_cache_size", "school_accounts_file", "school_accounts_usage_file",
    },
}
