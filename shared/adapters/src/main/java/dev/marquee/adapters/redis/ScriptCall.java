package dev.marquee.adapters.redis;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

import java.util.List;

/** One run of a script on keys of a single slot: EVALSHA normally, EVAL when the server does not know the script. */
record ScriptCall(LuaScript script, List<String> keys, List<String> args) {

    ScriptCall {
        keys = List.copyOf(keys);
        args = List.copyOf(args);
    }

    Request evalsha() {
        return withKeysAndArgs(Request.cmd(Command.EVALSHA).arg(script.sha()));
    }

    Request eval() {
        return withKeysAndArgs(Request.cmd(Command.EVAL).arg(script.body()));
    }

    private Request withKeysAndArgs(Request request) {
        request.arg(keys.size());
        keys.forEach(request::arg);
        args.forEach(request::arg);
        return request;
    }
}
