package org.passerelle.xmpp.c2s;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;

/** Netty 4.2 event loop groups: epoll where the native transport loads, NIO elsewhere. */
public final class EventLoops {
    private EventLoops() {
    }

    public static EventLoopGroup create(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }
}
